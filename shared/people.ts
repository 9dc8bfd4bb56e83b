import { z } from 'zod';

export const ROLES = ['liaison', 'esr', 'lead'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  liaison: 'Member liaison',
  esr: 'Enrollment Service Representative (ESR)',
  lead: 'Unit lead',
};

/** Who did something: carried on every event, so a timeline reads the same on every desk. */
export const personRefSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(80),
});
export type PersonRef = z.infer<typeof personRefSchema>;

export const actorSchema = personRefSchema.extend({ role: z.enum(ROLES) });
export type Actor = z.infer<typeof actorSchema>;

export const profileInputSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(2, 'Enter your name as colleagues know it (at least 2 characters).')
    .max(80, 'Keep the name under 80 characters.'),
  role: z.enum(ROLES, { message: 'Choose your role.' }),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export interface Profile {
  id: string;
  displayName: string;
  role: Role;
  createdAt: number;
}

export const actorOf = (p: Profile): Actor => ({ id: p.id, name: p.displayName, role: p.role });
