// Domain types that both sides speak: the person signed in, the manager-in-charge, the desk's settings.
import type { Permission, Role } from './roles';

export interface SessionInfo {
  accountId: string;
  loginId: string;
  displayName: string;
  role: Role;
  permissions: Permission[];
  locked: boolean;
  /** A temporary password must be changed before anything else. */
  mustChangePassword: boolean;
  /** Minutes without input after which the desk locks itself. */
  idleLockMinutes: number;
}

/** The manager-in-charge of personal information (個人情報保護管理者): every notice carries this person. */
export interface ManagerInCharge {
  name: string;
  title: string;
  email: string;
  phone: string;
}

export interface DeskSettings {
  installationId: string;
  idleLockMinutes: number;
  manager: ManagerInCharge;
}

export const idleLockBounds = { min: 1, max: 60, default: 10 } as const;
export const lockout = { attempts: 5, minutes: 15 } as const;
