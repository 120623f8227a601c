import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What one sequential GET costs in a fresh JVM with the JDK's two HTTP clients, alone and handed to
 * a worker thread as the engine does: the floor under Faultline's http activities.
 * Usage: java HttpClientCost.java URL COUNT  (prints one JSON object)
 */
public class HttpClientCost {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        String client = args.length > 2 ? args[2] : "jdk";
        boolean handoff = args.length > 3 && args[3].equals("handoff");
        ExecutorService worker = Executors.newCachedThreadPool();
        HttpClient jdk = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Callable<Object> get = client.equals("jdk")
                ? () -> jdk.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body()
                : () -> {
                    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
                    c.setConnectTimeout(5000);
                    c.setReadTimeout(5000);
                    int status = c.getResponseCode();
                    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                        return new String(in.readAllBytes());
                    }
                };
        long[] each = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            if (handoff) {
                worker.submit(get).get();
            } else {
                get.call();
            }
            each[i] = System.nanoTime() - t;
        }
        double meanMs = (System.nanoTime() - start) / 1e6 / count;
        long[] late = Arrays.copyOfRange(each, count / 2, count);
        Arrays.sort(late);
        System.out.printf("{\"client\": \"%s\", \"handoff\": %s, \"mean_ms\": %.4f, \"second_half_median_ms\": %.4f}%n",
                client, handoff, meanMs, late[late.length / 2] / 1e6);
        worker.shutdown();
    }
}
