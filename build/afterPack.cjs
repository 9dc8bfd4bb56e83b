// electron-builder `afterPack` hook (build/electron-builder.yml): flips Electron's fuses in the
// packaged binary before it is signed. Fuses are compiled-in switches that no command-line flag
// or environment variable can turn back on, so a locked-down install stays locked down:
//
//   RunAsNode off                           ELECTRON_RUN_AS_NODE cannot turn the app into a Node.js
//                                           interpreter that runs any script with the app's trust.
//   EnableNodeOptionsEnvironmentVariable off  NODE_OPTIONS cannot inject code (--require) at start.
//   EnableNodeCliInspectArguments off       --inspect cannot attach a debugger to the main process.
//   EnableCookieEncryption on               the session's cookie store is encrypted at rest with
//                                           the OS key store (DPAPI, Keychain, libsecret).
//   EnableEmbeddedAsarIntegrityValidation on  app.asar is checked against the hash electron-builder
//                                           embeds (macOS, Windows), so a tampered app refuses to start.
//   OnlyLoadAppFromAsar on                  Electron loads the app only from app.asar, never from a
//                                           loose app/ folder dropped next to it.
//   LoadBrowserProcessSpecificV8Snapshot off  (unused; the default)
//   GrantFileProtocolExtraPrivileges off    file:// pages get no extra powers; the app uses app://.
//
// electron/build.test.ts runs this hook on stand-in binaries and reads the fuses back.
const path = require('node:path');
const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = require('@electron/fuses');
const { Arch } = require('electron-builder');

/** The fuse settings, by @electron/fuses option. */
const FUSE_SETTINGS = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The packaged Electron binary (for macOS, the .app bundle) inside `context.appOutDir`. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`afterPack: no fuse settings for platform "${electronPlatformName}"`);
  }
}

/** The fuse config for this build; arm64 macOS binaries need their ad-hoc signature redone after the change. */
function fuseConfig(context) {
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: mac && context.arch === Arch.arm64, ...FUSE_SETTINGS };
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfig(context));
  // Read the wire back: a fuse that did not take must stop the build, not ship.
  const wire = await getCurrentFuseWire(binary);
  for (const [option, enabled] of Object.entries(FUSE_SETTINGS)) {
    const expected = enabled ? 49 : 48; // '1' : '0'
    if (wire[option] !== undefined && wire[option] !== expected && wire[option] !== 114 /* removed in this Electron */) {
      throw new Error(`afterPack: fuse ${FuseV1Options[option]} is not ${enabled ? 'on' : 'off'} in ${binary}`);
    }
  }
  console.log(`  • fuses set in ${path.basename(binary)}: ${describeFuses()}`);
}

function describeFuses() {
  return Object.entries(FUSE_SETTINGS)
    .map(([option, enabled]) => `${FuseV1Options[option]}=${enabled ? 'on' : 'off'}`)
    .join(', ');
}

module.exports = { afterPack, default: afterPack, FUSE_SETTINGS, electronBinaryPath, fuseConfig };
