/** The largest request body any door accepts: the proxy refuses larger ones, the API door answers them in its dialect. */
export const MAX_BODY_BYTES = 1024 * 1024;
