// Finding full payment card numbers in text: the desk never stores one (only brand, last four digits and expiry).

/**
 * True when the text holds a run of 13–19 digits (single spaces or hyphens between them allowed, full-width
 * digits and hyphens too) that passes the Luhn check: the shape of a full card number.
 * Inside a longer run, every stretch of whole groups is tried, so "千代田1-1 4111 1111 1111 1111" is caught;
 * an unbroken run of digits is taken whole, so a long order number is not cut into a card-sized piece.
 */
export function containsCardNumber(text: string): boolean {
  // NFKC turns full-width digits and the full-width hyphen into ASCII; the other dashes people type are folded here.
  const normalised = text.normalize('NFKC').replace(/[‐‑‒–—―−ー]/g, '-');
  for (const match of normalised.matchAll(/\d(?:[ -]?\d)*/g)) {
    const groups = match[0].split(/[ -]/);
    for (let first = 0; first < groups.length; first++) {
      let digits = '';
      for (let last = first; last < groups.length && digits.length <= 19; last++) {
        digits += groups[last];
        if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return true;
      }
    }
  }
  return false;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
