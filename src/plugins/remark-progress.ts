/** Options of {@link remarkProgress}. */
export interface ProgressOptions {
  /** Called once per page the processor renders. */
  onFile: () => void;
}

/** Reports each rendered page to a counter (the build's progress line); changes nothing. */
export function remarkProgress(options: ProgressOptions) {
  return () => {
    options.onFile();
  };
}
