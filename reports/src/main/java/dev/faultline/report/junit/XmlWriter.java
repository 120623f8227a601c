package dev.faultline.report.junit;

import java.util.Locale;

/**
 * A small indenting XML writer. Every text and attribute value is escaped and stripped of the
 * characters XML 1.0 cannot carry (control characters from a process's output would otherwise make
 * the whole file unreadable to a CI server).
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder(8 * 1024);
    private int depth;

    XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    XmlWriter open(String tag, String... attributes) {
        start(tag, attributes);
        out.append(">\n");
        depth++;
        return this;
    }

    XmlWriter empty(String tag, String... attributes) {
        start(tag, attributes);
        out.append("/>\n");
        return this;
    }

    /** An element holding {@code text}. */
    XmlWriter element(String tag, String text, String... attributes) {
        start(tag, attributes);
        out.append('>').append(escape(text, false)).append("</").append(tag).append(">\n");
        return this;
    }

    XmlWriter close(String tag) {
        depth--;
        indent();
        out.append("</").append(tag).append(">\n");
        return this;
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, seconds));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void start(String tag, String... attributes) {
        indent();
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1], true))
                        .append('"');
            }
        }
    }

    private void indent() {
        out.append("  ".repeat(Math.max(depth, 0)));
    }

    static String escape(String text, boolean attribute) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append(attribute ? "&quot;" : "\"");
                case '\n' -> escaped.append(attribute ? "&#10;" : "\n");
                case '\r' -> escaped.append("&#13;");
                case '\t' -> escaped.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (allowed(cp)) {
                        escaped.appendCodePoint(cp);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean allowed(int cp) {
        return (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
