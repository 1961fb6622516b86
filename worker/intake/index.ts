/**
 * Intake: everything a resident touches — the station's opinion form (/s/:code), the
 * tracking page and rating (/t/…) — and the staff downloads of a station's QR code and poster.
 */
export { intakeFormRoutes } from './routes-form';
export { stationQrRoutes } from './routes-qr';
export { trackingRoutes } from './routes-tracking';
