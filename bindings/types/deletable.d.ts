// The one thing every embind class has in common: C++ memory that JS must release by hand.

/** Embind-owned C++ object. */
export interface Deletable {
  delete(): void;
}
