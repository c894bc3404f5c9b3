/**
 * The issuer (`iss`) of every token the API signs, and so the value a verifier pins. A contract
 * value like the lifetimes: the mock signs with it and the pages render it.
 */
export const ISSUER = 'https://api.token-pair.example';
