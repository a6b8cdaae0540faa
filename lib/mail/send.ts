import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Whether outgoing mail is configured (SMTP_URL); without it links are only shown to copy. */
export const mailConfigured = (): boolean => Boolean(process.env.SMTP_URL);

/**
 * Sends through SMTP_URL (smtp://user:pass@host:port, smtps://… for TLS) from MAIL_FROM.
 * Answers whether it was sent; a failure is logged, never thrown: the link is still shown.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const url = process.env.SMTP_URL;
  if (!url) return false;
  try {
    const transport = nodemailer.createTransport(url);
    await transport.sendMail({ from: process.env.MAIL_FROM || "Trash Bin CRM <no-reply@localhost>", ...mail });
    return true;
  } catch (error) {
    console.error(`Mail to ${mail.to} failed: ${(error as Error).message}`);
    return false;
  }
}

/** The public address links point at (NEXTAUTH_URL). */
export function publicUrl(path: string): string {
  return new URL(path, process.env.NEXTAUTH_URL || "http://localhost:3000").toString();
}
