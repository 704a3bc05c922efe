package org.marrowscope.model;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Bytes the process holds from malloc (glibc's {@code mallinfo2}: in-use arena bytes plus mmapped blocks).
 * libtorch's CPU tensors and DJL's direct buffers come from malloc; the Java heap does not, so unlike RSS
 * this does not move while the JVM touches fresh heap pages.
 */
@SuppressWarnings("restricted") // a read-only libc query, for tests
final class NativeHeap {

    private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("arena"), ValueLayout.JAVA_LONG.withName("ordblks"),
            ValueLayout.JAVA_LONG.withName("smblks"), ValueLayout.JAVA_LONG.withName("hblks"),
            ValueLayout.JAVA_LONG.withName("hblkhd"), ValueLayout.JAVA_LONG.withName("usmblks"),
            ValueLayout.JAVA_LONG.withName("fsmblks"), ValueLayout.JAVA_LONG.withName("uordblks"),
            ValueLayout.JAVA_LONG.withName("fordblks"), ValueLayout.JAVA_LONG.withName("keepcost"));
    private static final MethodHandle CALL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("mallinfo2")
                    .orElseThrow(() -> new IllegalStateException("mallinfo2 needs glibc 2.33+")),
            FunctionDescriptor.of(MALLINFO2));

    private NativeHeap() {}

    private static long field(MemorySegment info, String name) {
        return info.get(ValueLayout.JAVA_LONG, MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement(name)));
    }

    static long allocatedBytes() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = (MemorySegment) CALL.invokeExact((SegmentAllocator) arena);
            return field(info, "uordblks") + field(info, "hblkhd");
        } catch (Throwable e) {
            throw new IllegalStateException("mallinfo2 failed", e);
        }
    }
}
