// Demo catalogue: the Contoso Physio business, its four staff members and a service for every price type.
import type {
  BookingBusiness,
  BookingPriceType,
  BookingService,
  BookingStaffMember,
  BookingStaffRole,
  BookingWorkHours,
  Location,
  PhysicalAddress,
} from "@microsoft/microsoft-graph-types";
import type { Random } from "./random";
import { formatDuration, formatInstant, MS } from "./time";

/** Id (SMTP address) of the demo business. */
export const DEMO_BUSINESS_ID = "ContosoPhysio@contoso.onmicrosoft.com";
/** Time zone the demo business works in. */
export const DEMO_TIME_ZONE = "Europe/Berlin";
/** Opening hours of the demo business on working days, local time. */
export const OPENING = { fromHour: 8, toHour: 18 } as const;

const ADDRESS: PhysicalAddress = {
  street: "Friedrichstraße 123",
  city: "Berlin",
  state: "Berlin",
  countryOrRegion: "Germany",
  postalCode: "10117",
};

const WORK_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"] as const;

function businessHours(): BookingWorkHours[] {
  return WORK_DAYS.map((day) => ({
    day,
    timeSlots: [{ startTime: `${String(OPENING.fromHour).padStart(2, "0")}:00:00.0000000`, endTime: `${OPENING.toHour}:00:00.0000000` }],
  }));
}

function location(displayName: string): Location {
  return {
    displayName,
    locationEmailAddress: null,
    locationUri: "",
    locationType: null,
    uniqueId: null,
    uniqueIdType: null,
    address: { ...ADDRESS },
    coordinates: { altitude: null, latitude: null, longitude: null, accuracy: null, altitudeAccuracy: null },
  };
}

/** One demo service: its Graph fields plus how often the seed books it. */
export interface ServiceSpec {
  name: string;
  description: string;
  price: number;
  priceType: BookingPriceType;
  minutes: number;
  postBufferMinutes: number;
  maxAttendees: number;
  /** Indexes into STAFF_SPECS of the staff who deliver it. */
  staff: number[];
  /** Relative booking frequency in generated data. */
  weight: number;
  online?: boolean;
}

const STAFF_SPECS: { name: string; role: BookingStaffRole }[] = [
  { name: "Dana Richter", role: "administrator" },
  { name: "Lukas Brandt", role: "teamMember" },
  { name: "Mia Schneider", role: "guest" },
  { name: "Jonas Weber", role: "viewer" },
];

/** The demo services, one per bookingPriceType plus a group class. */
export const SERVICE_SPECS: ServiceSpec[] = [
  { name: "Initial assessment", description: "45-minute first visit including assessment and treatment plan.", price: 85, priceType: "fixedPrice", minutes: 45, postBufferMinutes: 15, maxAttendees: 1, staff: [0, 1], weight: 12 },
  { name: "Physiotherapy session", description: "Hands-on treatment and exercise therapy, billed by the hour.", price: 75, priceType: "hourly", minutes: 50, postBufferMinutes: 10, maxAttendees: 1, staff: [0, 1, 2], weight: 35 },
  { name: "Sports massage", description: "Deep-tissue massage for athletes; longer sessions cost more.", price: 60, priceType: "startingAt", minutes: 60, postBufferMinutes: 0, maxAttendees: 1, staff: [1, 2], weight: 10 },
  { name: "Free intro call", description: "15-minute online call to see whether physiotherapy can help.", price: 0, priceType: "free", minutes: 15, postBufferMinutes: 0, maxAttendees: 1, staff: [0], weight: 6, online: true },
  { name: "Shockwave therapy", description: "Extracorporeal shockwave therapy; price depends on the area treated.", price: 55, priceType: "priceVaries", minutes: 30, postBufferMinutes: 0, maxAttendees: 1, staff: [0, 1], weight: 6 },
  { name: "Home visit", description: "Treatment at the patient's home; call us for a quote.", price: 0, priceType: "callUs", minutes: 90, postBufferMinutes: 30, maxAttendees: 1, staff: [1], weight: 4 },
  { name: "Follow-up check", description: "Short progress check after a course of treatment.", price: 40, priceType: "notSet", minutes: 30, postBufferMinutes: 0, maxAttendees: 1, staff: [0, 1, 2], weight: 10 },
  { name: "Kinesio taping", description: "Application of kinesiology tape; usually added to a session.", price: 0, priceType: "undefined", minutes: 20, postBufferMinutes: 0, maxAttendees: 1, staff: [2], weight: 5 },
  { name: "Pilates group class", description: "Clinical Pilates in a small group of up to eight.", price: 20, priceType: "fixedPrice", minutes: 60, postBufferMinutes: 15, maxAttendees: 8, staff: [2], weight: 8 },
];

function emailOf(name: string): string {
  return `${name.toLowerCase().replace(/ /g, ".")}@contoso.onmicrosoft.com`;
}

/** The demo business profile. */
export function buildBusiness(createdIso: string, id = DEMO_BUSINESS_ID): BookingBusiness & { id: string } {
  return {
    id,
    displayName: "Contoso Physio",
    businessType: "Physiotherapy",
    defaultCurrencyIso: "EUR",
    email: "info@contosophysio.example",
    phone: "+49 30 5550 1234",
    webSiteUrl: "https://www.contosophysio.example",
    languageTag: "en-US",
    isPublished: true,
    publicUrl: `https://outlook.office365.com/owa/calendar/${id}/bookings/`,
    address: { ...ADDRESS },
    businessHours: businessHours(),
    schedulingPolicy: {
      timeSlotInterval: "PT15M",
      minimumLeadTime: "PT2H",
      maximumAdvance: "P60D",
      sendConfirmationsToOwner: true,
      allowStaffSelection: true,
      isMeetingInviteToCustomersEnabled: false,
    },
    bookingPageSettings: {
      accessControl: "unrestricted",
      bookingPageColorCode: "#0F6CBD",
      businessTimeZone: DEMO_TIME_ZONE,
      customerConsentMessage: "",
      enforceOneTimePassword: false,
      isBusinessLogoDisplayEnabled: true,
      isCustomerConsentEnabled: false,
      isSearchEngineIndexabilityDisabled: true,
      isTimeSlotTimeZoneSetToBusinessTimeZone: true,
      privacyPolicyWebUrl: "https://www.contosophysio.example/privacy",
      termsAndConditionsWebUrl: "https://www.contosophysio.example/terms",
    },
    createdDateTime: createdIso,
    lastUpdatedDateTime: createdIso,
  };
}

/** The four demo staff members (administrator, teamMember, guest, viewer). */
export function buildStaff(random: Random, createdIso: string): (BookingStaffMember & { id: string })[] {
  return STAFF_SPECS.map(({ name, role }) => ({
    id: random.guid(),
    displayName: name,
    emailAddress: emailOf(name),
    role,
    membershipStatus: "active",
    timeZone: DEMO_TIME_ZONE,
    useBusinessHours: true,
    workingHours: businessHours(),
    availabilityIsAffectedByPersonalCalendar: true,
    isEmailNotificationEnabled: true,
    createdDateTime: createdIso,
    lastUpdatedDateTime: createdIso,
  }));
}

/** The demo services, in SERVICE_SPECS order, delivered by the given staff. */
export function buildServices(random: Random, staffIds: string[], createdIso: string): (BookingService & { id: string })[] {
  return SERVICE_SPECS.map((spec) => ({
    id: random.guid(),
    displayName: spec.name,
    description: spec.description,
    additionalInformation: spec.online ? "You will receive a Teams link." : "Please arrive 10 minutes early.",
    notes: spec.maxAttendees > 1 ? "Mats are provided." : null,
    defaultDuration: formatDuration(spec.minutes * MS.MINUTE),
    defaultPrice: spec.price,
    defaultPriceType: spec.priceType,
    languageTag: "en-US",
    isHiddenFromCustomers: false,
    isLocationOnline: spec.online ?? false,
    isAnonymousJoinEnabled: false,
    isCustomerAllowedToManageBooking: false,
    smsNotificationsEnabled: false,
    maximumAttendeesCount: spec.maxAttendees,
    preBuffer: "PT0S",
    postBuffer: formatDuration(spec.postBufferMinutes * MS.MINUTE),
    staffMemberIds: spec.staff.map((i) => staffIds[i] ?? ""),
    customQuestions: [],
    webUrl: `https://outlook.office365.com/owa/calendar/${DEMO_BUSINESS_ID}/bookings/s/${random.guid().slice(0, 8)}`,
    defaultLocation: location(spec.online ? "Online" : "Contoso Physio, Friedrichstraße 123"),
    defaultReminders: [{ offset: "P1D", recipients: "allAttendees", message: "Your appointment is tomorrow." }],
    schedulingPolicy: null,
    createdDateTime: createdIso,
    lastUpdatedDateTime: createdIso,
  }));
}

/** Rounds an instant down to whole seconds, for tidy seeded timestamps. */
export function wholeSeconds(ms: number): string {
  return formatInstant(Math.floor(ms / 1000) * 1000);
}
