import "server-only";
import QRCode from "qrcode";

/**
 * The otpauth:// URI as a QR code, drawn here as SVG and handed to the page
 * as a data: URL. No third-party QR service ever sees the secret, and the
 * page's CSP (img-src 'self' data:) needs no exception.
 */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#0f172a", light: "#ffffff" } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
