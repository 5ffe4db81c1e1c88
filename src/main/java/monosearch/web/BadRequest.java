package monosearch.web;

/** A request the client must change; the message goes to the client as it is. */
final class BadRequest extends RuntimeException {
    BadRequest(String message) {
        super(message);
    }
}
