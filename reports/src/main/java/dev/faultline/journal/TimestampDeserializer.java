package dev.faultline.journal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** Binds journal timestamps (either form {@link Timestamps} reads, or epoch seconds) to {@link Instant}. */
final class TimestampDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    TimestampDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double seconds = parser.getDoubleValue();
            long whole = (long) Math.floor(seconds);
            return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (text.isBlank()) {
                return null;
            }
            Optional<Instant> parsed = Timestamps.parse(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "expected an ISO-8601 timestamp such as [2026-11-27T05:16:08.123Z]");
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
