package monosearch.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before any route runs (a URI or headers too large, a path it refuses to map):
 * the same JSON body as every other error, {@code {"status": 414, "error": "..."}}, instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        headers(response.getHeaders());
        response.write(true, body(code, message), callback);
    }

    /** The answer to a request Jetty could not even read (its request line or headers). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers(fields);
        return body(status, reason);
    }

    private static void headers(HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        // The headers every other response carries (WebServer sets them for the routes).
        fields.put("Content-Security-Policy", WebServer.CONTENT_SECURITY_POLICY);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("X-Frame-Options", "DENY");
        fields.put("Referrer-Policy", "no-referrer");
    }

    private static ByteBuffer body(int status, String message) {
        String error = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        String json = "{\"status\":" + status + ",\"error\":" + Json.quote(error) + "}";
        return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
    }
}
