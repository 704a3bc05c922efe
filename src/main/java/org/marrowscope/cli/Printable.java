package org.marrowscope.cli;

import java.nio.file.Path;

/**
 * Names as they may be printed on one line: a file name can hold a newline or a terminal escape, and printed raw
 * it could forge a result line that a script parsing stdout would believe. Control characters become
 * a backslash, "u" and four hex digits.
 */
final class Printable {

    private Printable() {
    }

    static String name(Path file) {
        Path name = file.getFileName();
        return text(name == null ? file.toString() : name.toString());
    }

    static String path(Path file) {
        return text(file.toString());
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x202E) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
