/** Closing takes no input; an empty object is the only valid body (unknown fields are refused). */
export class CloseAccountRequest {}
