// Names for ids: the network, its groups and organisations from membership's and groups' public (paged) JSON lists,
// read once per page load with only the fields the page shows (read_mask). Ids stay in links only.
import { getJson, listAll, networkPath } from './api.js';

const memberStates = new Set(['MEMBERSHIP_STATE_ACTIVE', 'MEMBERSHIP_STATE_SUSPENDED']);

export async function loadDirectory(network) {
  const path = networkPath(network);
  const [details, groups, organisations] = await Promise.all([
    getJson(path), listAll(`${path}/groups`, 'groups', { readMask: 'groupId,displayName' }),
    listAll(`${path}/organisations`, 'organisations', { readMask: 'id,displayName,membershipState' })]);
  const groupNames = new Map(groups.map(g => [g.groupId, g.displayName]));
  const organisationNames = new Map(organisations.map(o => [o.id, o.displayName]));
  return {
    network: details,
    groups,
    groupName: id => groupNames.get(id) || id,
    organisationName: id => organisationNames.get(id) || id,
    /** Member organisations only: an external expert's organisation (not a member, or unknown here) is not one. */
    isMember: id => memberStates.has(organisations.find(o => o.id === id)?.membershipState),
  };
}
