package dev.faultline.report.html;

/**
 * Writes HTML where every piece of text and every attribute value is escaped: the only way into the
 * page for a value from a journal. Tag and attribute names are the renderer's own constants.
 */
final class Html {

    private final StringBuilder out;

    Html(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** {@code text} safe as element content and as a quoted attribute value; control characters dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            String replacement = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> isControl(ch) ? "" : null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(ch);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static boolean isControl(char ch) {
        return (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') || ch == 0x7f;
    }

    /** Opens {@code tag} with attributes given as name, value pairs; a {@code null} value leaves the attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** A void or self-closed element ({@code <br>}, {@code <rect .../>}). */
    Html empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append(tag.equals("br") || tag.equals("meta") ? ">" : "/>");
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding escaped {@code text}. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup the renderer wrote itself (never a journal value). */
    Html markup(String markup) {
        out.append(markup);
        return this;
    }

    Html newline() {
        out.append('\n');
        return this;
    }

    int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs, got " + attributes.length);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }
}
