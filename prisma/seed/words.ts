/** Word lists and a seeded random source, so the demo data is the same on every machine. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof createRandom>;

export const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Elijah",
  "Sophia",
  "Lucas",
  "Mia",
  "Mateo",
  "Amelia",
  "Levi",
  "Harper",
  "Ethan",
  "Evelyn",
  "James",
  "Aria",
  "Benjamin",
  "Chloe",
  "Henry",
  "Nora",
  "Sebastian",
  "Lily",
  "Jack",
  "Zoe",
  "Owen",
  "Hannah",
  "Samuel",
  "Layla",
  "Daniel",
  "Priya",
  "Arjun",
  "Mei",
  "Hiroshi",
  "Fatima",
  "Omar",
  "Ingrid",
  "Lars",
  "Sofia",
  "Diego",
  "Chiara",
  "Luca",
  "Amara",
  "Kwame",
  "Elena",
  "Mikhail",
  "Aisha",
  "Yusuf",
  "Clara",
  "Jonas",
  "Freya",
  "Tomás",
  "Isabel",
  "Rafael",
  "Léa",
  "Hugo",
  "Maja",
  "Anton",
  "Nadia",
] as const;

export const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Lopez",
  "Wilson",
  "Anderson",
  "Taylor",
  "Thomas",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Young",
  "Allen",
  "King",
  "Wright",
  "Scott",
  "Nguyen",
  "Hill",
  "Patel",
  "Kim",
  "Tanaka",
  "Müller",
  "Schmidt",
  "Rossi",
  "Dubois",
  "Novak",
  "Kowalski",
  "Andersson",
  "Okafor",
  "Mensah",
  "Haddad",
  "Silva",
  "Costa",
  "Fischer",
  "Weber",
  "Becker",
  "Jansen",
  "Larsen",
] as const;

export const COMPANIES = [
  "Northwind Traders",
  "Globex",
  "Initech",
  "Umbrella Health",
  "Stark Logistics",
  "Wayne Foods",
  "Acme Robotics",
  "Hooli",
  "Vandelay Imports",
  "Soylent Labs",
  "Blue Harbor Bank",
  "Pied Piper",
  "Cyberdyne Systems",
  "Tyrell Analytics",
  "Wonka Confectionery",
  "Gringotts Finance",
  "Oceanic Air",
  "Nakatomi Trading",
  "Massive Dynamic",
  "Prestige Worldwide",
  "Aperture Science",
  "Black Mesa Energy",
  "Dunder Paper",
  "Bluth Development",
  "Sterling Cooper",
  "Monarch Solutions",
  "Brightline Media",
  "Evergreen Clinics",
] as const;

export const TITLES = [
  "CEO",
  "CTO",
  "Head of Sales",
  "VP Marketing",
  "Operations Manager",
  "Procurement Lead",
  "IT Director",
  "Office Manager",
  "Product Manager",
  "Founder",
  "CFO",
  "Account Executive",
  "Engineering Manager",
] as const;

export const CITIES = [
  "Berlin",
  "London",
  "New York",
  "San Francisco",
  "Austin",
  "Toronto",
  "Paris",
  "Amsterdam",
  "Lisbon",
  "Madrid",
  "Stockholm",
  "Tokyo",
  "Singapore",
  "Sydney",
  "Chicago",
  "Munich",
  "Dublin",
  "Seoul",
] as const;

export const LEAD_STATUSES = ["New", "Contacted", "Qualified", "Unqualified", "Nurturing"] as const;
export const LEAD_SOURCES = ["Website", "Referral", "Trade show", "Cold call", "LinkedIn", "Webinar"] as const;
export const LIFECYCLES = ["Subscriber", "Lead", "Opportunity", "Customer", "Evangelist"] as const;
export const DEAL_STAGES = [
  "Prospecting",
  "Qualification",
  "Proposal",
  "Negotiation",
  "Closed won",
  "Closed lost",
] as const;
export const PRODUCTS = [
  ["Starter plan (annual)", 1200],
  ["Growth plan (annual)", 4800],
  ["Enterprise plan (annual)", 18000],
  ["Onboarding package", 2500],
  ["Premium support", 3000],
  ["Extra seats (10)", 900],
  ["Data migration", 4000],
] as const;

export const NOTE_TEXTS = [
  "Asked for a follow-up call next week about pricing.",
  "Prefers email over phone. Best time: mornings.",
  "Budget approved for Q3; waiting on legal review.",
  "Met at the trade show booth, interested in the API.",
  "Competitor evaluation ongoing — send the comparison sheet.",
  "Decision maker is the CFO; loop her in on the next call.",
  "Requested a demo of bulk import and the trash bin.",
  "Renewal coming up; mentioned a possible upsell to Enterprise.",
  "Sent the security questionnaire back, all green.",
  "Needs GDPR data processing agreement before signing.",
] as const;

export const ACTIVITY_KINDS = [
  ["call", "Discovery call"],
  ["email", "Sent pricing overview"],
  ["meeting", "Product demo"],
  ["email", "Follow-up email"],
  ["task", "Prepare proposal"],
  ["call", "Check-in call"],
  ["event", "Record imported from CSV"],
  ["meeting", "Contract walkthrough"],
] as const;

export const PROVIDERS = ["hubspot", "salesforce", "zoho"] as const;
const COUNTRY_PREFIXES = [
  ["+1", 10],
  ["+44", 10],
  ["+49", 11],
  ["+33", 9],
  ["+31", 9],
] as const;

export function phoneNumber(random: Random): string {
  const [prefix, digits] = random.pick(COUNTRY_PREFIXES);
  let rest = String(random.int(2, 9));
  while (rest.length < digits) rest += String(random.int(0, 9));
  return prefix + rest;
}
