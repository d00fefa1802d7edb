/** "Mombasa, Kenya" from a city and an ISO country code; whatever is known, or null. */
export function placeName(city: string | null | undefined, countryCode: string | null | undefined): string | null {
  let country: string | null = null;
  if (countryCode) {
    try {
      country = new Intl.DisplayNames(["en"], { type: "region" }).of(countryCode.toUpperCase()) ?? countryCode;
    } catch {
      country = countryCode;
    }
  }
  return [city, country].filter(Boolean).join(", ") || null;
}
