/** Names, places, networks and clients the generated people are drawn from. */

export const FIRST_NAMES = [
  "Amina", "Brian", "Cynthia", "David", "Esther", "Faith", "George", "Halima", "Ian", "Joy", "Kevin", "Lilian",
  "Moses", "Njeri", "Otieno", "Purity", "Quincy", "Rose", "Samuel", "Tabitha", "Umar", "Violet", "Wanjiru",
  "Xavier", "Yusuf", "Zawadi", "Chinedu", "Ngozi", "Tunde", "Aisha", "Grace", "Peter", "Mary", "John", "Akinyi",
  "Kamau", "Wambui", "Kipchoge", "Nia", "Omar",
] as const;

export const LAST_NAMES = [
  "Achieng", "Barasa", "Chebet", "Dlamini", "Etyang", "Gitau", "Hassan", "Ibrahim", "Jeptoo", "Kariuki",
  "Langat", "Mwangi", "Njoroge", "Odhiambo", "Okafor", "Adeyemi", "Mutua", "Wekesa", "Nyambura", "Kiptoo",
  "Ochieng", "Wairimu", "Musyoka", "Onyango", "Smith", "Okello", "Nakato", "Balogun", "Cheruiyot", "Koech",
] as const;

export const EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.co.ke"] as const;

export interface Region {
  countryCode: string;
  phonePrefix: string;
  phoneDigits: number;
  cities: readonly string[];
  /** First two octets of consumer address blocks in this country. */
  networks: readonly (readonly [number, number])[];
  weight: number;
}

export const REGIONS: readonly Region[] = [
  { countryCode: "KE", phonePrefix: "+2547", phoneDigits: 8, cities: ["Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret"], networks: [[41, 90], [105, 160], [105, 163], [197, 232], [102, 135]], weight: 70 },
  { countryCode: "UG", phonePrefix: "+2567", phoneDigits: 8, cities: ["Kampala", "Entebbe", "Gulu"], networks: [[41, 210], [102, 85]], weight: 9 },
  { countryCode: "NG", phonePrefix: "+2348", phoneDigits: 9, cities: ["Lagos", "Abuja", "Ibadan"], networks: [[102, 89], [197, 210]], weight: 10 },
  { countryCode: "US", phonePrefix: "+1206", phoneDigits: 7, cities: ["Seattle", "Austin", "New York"], networks: [[73, 42], [24, 16]], weight: 6 },
  { countryCode: "GB", phonePrefix: "+4477", phoneDigits: 8, cities: ["London", "Manchester"], networks: [[81, 102], [86, 12]], weight: 5 },
];

export interface Client {
  name: string;
  deviceType: "desktop" | "mobile" | "tablet";
  os: string;
  browser: string;
  userAgent: string;
}

export const CLIENTS: readonly Client[] = [
  { name: "Chrome on Windows", deviceType: "desktop", os: "Windows 11", browser: "Chrome 131", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" },
  { name: "Safari on iPhone", deviceType: "mobile", os: "iOS 18.1", browser: "Mobile Safari 18.1", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" },
  { name: "Chrome on Android", deviceType: "mobile", os: "Android 14", browser: "Chrome Mobile 131", userAgent: "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36" },
  { name: "Firefox on Ubuntu", deviceType: "desktop", os: "Ubuntu", browser: "Firefox 132", userAgent: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0" },
  { name: "Safari on Mac", deviceType: "desktop", os: "macOS 14.7", browser: "Safari 18.1", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15" },
  { name: "Edge on Windows", deviceType: "desktop", os: "Windows 10", browser: "Edge 131", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0" },
  { name: "Chrome on Android tablet", deviceType: "tablet", os: "Android 13", browser: "Chrome 130", userAgent: "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36" },
  { name: "Mtaa app on Android", deviceType: "mobile", os: "Android 13", browser: "MtaaApp 4.2", userAgent: "MtaaApp/4.2.1 (Android 13; TECNO KI5q)" },
];

export const DAO_NAMES = [
  "Kibera Savings Circle", "Mombasa Fishers Cooperative", "Nakuru Dairy Collective", "Kisumu Boda Welfare",
  "Eldoret Runners Fund", "Lamu Heritage Trust", "Thika Youth Table Banking", "Machakos Water Project",
  "Nyeri Coffee Growers", "Kampala Makers Guild", "Lagos Tech Chama", "Diaspora Family Fund",
] as const;
