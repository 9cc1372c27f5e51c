// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packed
// executable, after the files are in place and before signing (a flipped binary must be signed
// as it is). Each fuse closes a way to run code other than Strata's own with Strata's identity.
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'electron-builder';

/** The fuses Strata ships with, by FuseV1Options index. */
export const STRATA_FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 Strata` would be a plain Node.js carrying the app's signature.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (--require, --import) would inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds (Info.plist, Windows resource).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app loads from app.asar only, never from a loose resources/app folder beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** @param {import('app-builder-lib').AfterPackContext} context */
export default async function afterPack(context) {
  // electron-builder's own helper finds the executable for the platform (the framework binary
  // on macOS); arm64 macOS builds need their ad-hoc signature renewed after the bytes change.
  await context.packager.addElectronFuses(context, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
    strictlyRequireAllFuses: false,
    ...STRATA_FUSES,
  });
}
