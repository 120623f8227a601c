package dev.faultline.load;

/** Builds RFC 6901 JSON pointers. */
public final class Pointers {

    private Pointers() {
    }

    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
