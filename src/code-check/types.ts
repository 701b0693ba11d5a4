/** One problem a validator found in a block; `line` counts from 1 at the block's first line of code. */
export interface Finding {
  line: number;
  message: string;
}

/** A block handed to a validator: its text and an id unique within the run. */
export interface BlockInput {
  id: number;
  code: string;
  lang: string;
}
