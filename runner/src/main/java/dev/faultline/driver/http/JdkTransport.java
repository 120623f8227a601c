package dev.faultline.driver.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Sends through the JDK's {@code java.net.http} client: any method (PATCH included), interruptible. */
final class JdkTransport implements Exchange.Transport {

    @Override
    public Exchange.Answer send(Exchange exchange) throws Exchange.Unreachable, Exchange.NoAnswer, IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(exchange.uri()).timeout(exchange.readTimeout());
        exchange.headers().forEach(builder::header);
        builder.method(exchange.method(), exchange.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(exchange.body()));
        try {
            HttpResponse<String> response = HttpClients.get(exchange.verifyTls(), exchange.connectTimeout())
                    .send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, java.util.List<String>> headers = new TreeMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new Exchange.Answer(response.statusCode(), headers, response.body());
        } catch (HttpConnectTimeoutException e) {
            throw new Exchange.Unreachable("could not connect in time", e);
        } catch (ConnectException e) {
            throw new Exchange.Unreachable("connection refused", e);
        } catch (HttpTimeoutException e) {
            throw new Exchange.NoAnswer(e);
        }
    }
}
