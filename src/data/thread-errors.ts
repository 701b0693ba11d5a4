// A worker thread answers a failed request with the error's message and stack, and the calling thread makes an Error
// of them again, so the failure reads as if it had happened there.

/** An error as a worker thread sends it back. */
export interface ThreadError {
  message: string;
  stack?: string | undefined;
}

/** Returns what a worker thread sends back for a failure (anything thrown, Error or not). */
export function toThreadError(error: unknown): ThreadError {
  const { message, stack } = error instanceof Error ? error : new Error(String(error));
  return { message, stack };
}

/** Returns an Error again from what a worker thread sent back. */
export function fromThreadError({ message, stack }: ThreadError): Error {
  return Object.assign(new Error(message), { stack });
}
