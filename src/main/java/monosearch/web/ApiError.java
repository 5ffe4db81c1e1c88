package monosearch.web;

/** The body of every error response: {@code {"status": 400, "error": "limit must be between 1 and 100"}}. */
public record ApiError(int status, String error) {
}
