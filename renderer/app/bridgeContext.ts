import { createContext, useContext } from 'react';
import type { LiaisonApi } from '../../shared/ipc';
import { browserBridge } from './bridge';

export const BridgeContext = createContext<LiaisonApi>(browserBridge);
export const useBridge = (): LiaisonApi => useContext(BridgeContext);
