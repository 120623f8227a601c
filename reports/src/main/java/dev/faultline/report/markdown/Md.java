package dev.faultline.report.markdown;

/**
 * Escapes journal text for GitHub-flavoured Markdown: punctuation that would start emphasis, links,
 * images, tables or HTML is escaped, and line breaks are flattened inside table cells, so a value
 * from a journal always renders as the same plain text.
 */
final class Md {

    private static final String PUNCTUATION = "\\`*_{}[]()#+-.!|~$";

    private Md() {
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(cp -> {
            if (cp == '<') {
                out.append("&lt;");
            } else if (cp == '>') {
                out.append("&gt;");
            } else if (cp == '&') {
                out.append("&amp;");
            } else if (cp < 0x20 && cp != '\n' && cp != '\t' || cp == 0x7f) {
                // control characters carry nothing a reader needs
                return;
            } else {
                if (cp < 0x80 && PUNCTUATION.indexOf(cp) >= 0) {
                    out.append('\\');
                }
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Escaped text for a table cell: one line, no cell separators. */
    static String cell(String value) {
        return text(value == null ? "" : value.replaceAll("\\s*\\R\\s*", " ").strip());
    }
}
