/**
 * Fields of the HAS fiche that every reference protocol fills the same way, because they belong to
 * the CPTS that adopts the protocol, not to the protocol: structure porteuse, référent, where the
 * protocol can be read, who adheres, how it is validated, its dates. Each says "à adapter".
 * @internal
 */
import type { FicheInput } from '@cpts/core';

type SharedFicheFields = Required<
  Pick<
    FicheInput,
    | 'structurePorteuse'
    | 'referent'
    | 'lieuConsultation'
    | 'professionnelsAdherents'
    | 'professionnelsInformes'
    | 'modeValidation'
    | 'dateCreation'
    | 'dateModification'
    | 'dateActualisation'
  >
>;

/** A fresh copy of the shared fiche fields (a CPTS adapting a protocol overrides them). */
export function ficheCommune(): SharedFicheFields {
  return {
    structurePorteuse: 'CPTS (à adapter : nom de la CPTS, de la MSP ou du pôle de santé porteur)',
    referent: { nom: 'Référent du protocole (à désigner par la CPTS)' },
    lieuConsultation:
      'Espace partagé de la CPTS (à adapter) ; version de référence : paquet @cpts/protocols, avec son empreinte protocolHash',
    professionnelsAdherents: ['Liste des professionnels signataires, tenue par la CPTS (à compléter)'],
    professionnelsInformes: [
      'Professionnels de santé du territoire (à compléter par la CPTS)',
      'Établissements et services partenaires (à compléter par la CPTS)',
    ],
    modeValidation:
      'Protocole de référence à valider localement : groupe de travail pluriprofessionnel puis instance de gouvernance de la CPTS (à adapter)',
    dateCreation: '2026-11',
    dateModification: '2026-11',
    dateActualisation: '2027-11',
  };
}
