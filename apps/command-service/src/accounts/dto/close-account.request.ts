/** Closing takes no input: no body, or an empty object (unknown fields are refused). */
export class CloseAccountRequest {}
