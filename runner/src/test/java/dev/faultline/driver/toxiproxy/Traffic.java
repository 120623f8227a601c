package dev.faultline.driver.toxiproxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One request through a proxy on a fresh connection, measured: what arrived, how, and how fast. */
record Traffic(int bytes, long millis, int reads, int largestRead, String failure) {

    static Traffic exchange(int port) {
        return exchange(port, Duration.ofSeconds(5));
    }

    /** Connects, sends a line, and reads until the connection closes (or {@code readLimit} passes). */
    static Traffic exchange(int port, Duration readLimit) {
        return exchange(port, readLimit, Integer.MAX_VALUE);
    }

    /** As {@link #exchange(int, Duration)}, but stops once {@code enough} bytes have arrived. */
    static Traffic exchange(int port, Duration readLimit, int enough) {
        long start = System.nanoTime();
        int bytes = 0;
        int reads = 0;
        int largest = 0;
        String failure = null;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout((int) readLimit.toMillis());
            socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65_536];
            int n;
            while (bytes < enough && (n = in.read(buffer)) != -1) {
                bytes += n;
                reads++;
                largest = Math.max(largest, n);
            }
        } catch (ConnectException e) {
            failure = "refused";
        } catch (SocketTimeoutException e) {
            failure = "read timed out";
        } catch (IOException e) {
            failure = "io: " + e.getMessage();
        }
        return new Traffic(bytes, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), reads, largest, failure);
    }

    boolean completed(int expectedBytes) {
        return failure == null && bytes == expectedBytes;
    }
}
