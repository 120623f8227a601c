import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one fork/exec/wait of a program costs in a fresh JVM, with output discarded or captured in
 * temporary files as Faultline's process driver does. Run with
 * -Djdk.lang.Process.launchMechanism=VFORK to compare launch mechanisms.
 * Usage: java ProcessCost.java PROGRAM COUNT [tempfiles]  (prints one JSON object)
 */
public class ProcessCost {

    public static void main(String[] args) throws Exception {
        String program = args[0];
        int count = Integer.parseInt(args[1]);
        boolean tempFiles = args.length > 2 && args[2].equals("tempfiles");
        File devNull = new File("/dev/null");
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ProcessBuilder builder = new ProcessBuilder(program).redirectInput(ProcessBuilder.Redirect.from(devNull));
            Path out = null;
            Path err = null;
            if (tempFiles) {
                out = Files.createTempFile("cost-stdout", ".txt");
                err = Files.createTempFile("cost-stderr", ".txt");
                builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            builder.start().waitFor();
            if (tempFiles) {
                Files.readString(out);
                Files.readString(err);
                Files.delete(out);
                Files.delete(err);
            }
        }
        System.out.printf("{\"launch\": \"%s\", \"temp_files\": %s, \"mean_ms\": %.4f}%n",
                System.getProperty("jdk.lang.Process.launchMechanism", "default (posix_spawn)"), tempFiles,
                (System.nanoTime() - start) / 1e6 / count);
    }
}
