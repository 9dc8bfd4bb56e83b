/**
 * The app's identity, shared by main (Windows AppUserModelID for notifications and the taskbar)
 * and the installers (build/electron-builder.yml `appId`, `productName`); a test checks they agree.
 */
export const APP_ID = 'gov.medicaid.liaisonlog';
export const PRODUCT_NAME = 'Liaison Log';
