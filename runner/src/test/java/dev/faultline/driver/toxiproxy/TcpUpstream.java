package dev.faultline.driver.toxiproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP service for traffic to flow through a proxy: for each connection it reads one line, answers
 * with {@code payload} bytes and closes (or waits for the client to close). Small enough that any delay seen by the client is the
 * proxy's doing.
 */
final class TcpUpstream implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] payload;
    private final boolean holdOpen;
    private final AtomicInteger answered = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-upstream");
        t.setDaemon(true);
        return t;
    });

    TcpUpstream(int payloadBytes) {
        this(payloadBytes, false);
    }

    /** With {@code holdOpen}, the connection stays open after the answer until the client closes it. */
    TcpUpstream(int payloadBytes, boolean holdOpen) {
        this.holdOpen = holdOpen;
        this.payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 'x');
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workers.execute(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** {@code host:port} as a proxy's upstream. */
    String address() {
        return "127.0.0.1:" + port();
    }

    int payloadBytes() {
        return payload.length;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                // Reads the request line; its content does not matter.
            }
            OutputStream out = client.getOutputStream();
            out.write(payload);
            out.flush();
            answered.incrementAndGet();
            if (holdOpen) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            // The client (or a toxic) closed the connection first; that is what some tests want.
        }
    }

    int answered() {
        return answered.get();
    }

    /**
     * Waits until {@code count} requests have been answered: once the upstream has answered, the
     * proxy has dialed it and the connection's toxic chain is in place.
     */
    void awaitAnswered(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (answered.get() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("upstream answered " + answered.get() + " of " + count + " requests within " + timeoutMillis + " ms");
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        workers.shutdownNow();
    }
}
