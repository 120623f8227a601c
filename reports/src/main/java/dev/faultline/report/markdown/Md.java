package dev.faultline.report.markdown;

/**
 * Escapes journal text for GitHub-flavoured Markdown, so a value from a journal always renders as the
 * same plain text: characters that start emphasis, code, links, tables, maths or HTML are escaped
 * anywhere, and those that start a heading, list or quote only at the start of a line (elsewhere
 * they are plain text, and escaping them would only clutter the file).
 */
final class Md {

    private static final String INLINE = "\\`*_[]|~$";
    private static final String LINE_START = "#-+=>";

    private Md() {
    }

    /** Escaped text for a paragraph or list item, where a line may start a block. */
    static String text(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean blocks) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        boolean lineStart = blocks;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '<') {
                out.append("&lt;");
            } else if (ch == '>') {
                out.append(lineStart ? "\\>" : "&gt;");
            } else if (ch == '&') {
                out.append("&amp;");
            } else if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f) {
                continue;
            } else if (lineStart && orderedListEnd(value, i) > i) {
                int end = orderedListEnd(value, i);
                out.append(value, i, end).append('\\').append(value.charAt(end));
                i = end;
            } else {
                if (INLINE.indexOf(ch) >= 0 || (lineStart && LINE_START.indexOf(ch) >= 0)) {
                    out.append('\\');
                }
                out.append(ch);
            }
            lineStart = blocks && (ch == '\n' || (lineStart && (ch == ' ' || ch == '\t')));
        }
        return out.toString();
    }

    /** Escaped text for one line that starts a block (a list item, a heading): line breaks flattened. */
    static String line(String value) {
        return escape(value == null ? "" : value.replaceAll("\\s*\\R\\s*", " ").strip(), true);
    }

    /** Escaped text for a table cell: one line, and no block can start inside a cell. */
    static String cell(String value) {
        return escape(value == null ? "" : value.replaceAll("\\s*\\R\\s*", " ").strip(), false);
    }

    /**
     * Where the {@code .} or {@code )} of an ordered-list marker ({@code 1.}, {@code 12)}) starting at
     * {@code i} is, or {@code i} when there is none: that character is the one to escape.
     */
    private static int orderedListEnd(String value, int i) {
        int j = i;
        while (j < value.length() && Character.isDigit(value.charAt(j))) {
            j++;
        }
        return j > i && j < value.length() && (value.charAt(j) == '.' || value.charAt(j) == ')') ? j : i;
    }
}
