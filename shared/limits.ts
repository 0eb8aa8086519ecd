/**
 * Size limits shared by the server's validation (shared/api.ts) and the client's fields. Kept
 * apart from api.ts so the client can use them without bundling zod.
 */

/** The longest name a person can give (the name field stops typing there). */
export const displayNameMaxLength = 60;
