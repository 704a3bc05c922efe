package org.marrowscope.slide;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** Reading C strings and NULL-terminated string arrays that OpenSlide owns (never freed by us). */
final class NativeStrings {

    private NativeStrings() {
    }

    /** A NUL-terminated UTF-8 string, or null for a NULL pointer. */
    static String read(MemorySegment pointer) {
        if (pointer == null || pointer.equals(MemorySegment.NULL)) {
            return null;
        }
        return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** A NULL-terminated array of C strings, e.g. openslide_get_property_names. */
    static List<String> readArray(MemorySegment array) {
        List<String> out = new ArrayList<>();
        if (array == null || array.equals(MemorySegment.NULL)) {
            return out;
        }
        MemorySegment all = array.reinterpret(Long.MAX_VALUE);
        for (long i = 0; ; i++) {
            MemorySegment element = all.getAtIndex(ADDRESS, i);
            if (element.equals(MemorySegment.NULL)) {
                return out;
            }
            out.add(read(element));
        }
    }
}
