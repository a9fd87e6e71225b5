import type { SystemInfo } from './vipps-config';

export function systemHeaders(system: SystemInfo): Record<string, string> {
  return {
    'Vipps-System-Name': system.systemName.slice(0, 30),
    'Vipps-System-Version': system.systemVersion.slice(0, 30),
    'Vipps-System-Plugin-Name': system.pluginName.slice(0, 30),
    'Vipps-System-Plugin-Version': system.pluginVersion.slice(0, 30),
  };
}
