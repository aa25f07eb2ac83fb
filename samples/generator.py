"""Realistic, non-nominal submission packages: the demo set, test fixtures and benchmark loads.

``python -m samples.generator --out samples/demo [--seed 2013] [--scale 1.0]`` writes about 500
packages from 26 Asia-Pacific states and territories for 2020-2024 (spec:
``/work/shared/spec/submission-format.md``) and ``MANIFEST.json``, which says for every file what
the pipeline should do with it (accept, or reject with which rules), where each planted problem
must be reported (``expect_issues``: table, row and column as the state sees them) and in which
order the files must be processed.

Everything is a pure function of the seed: every random draw comes from a ``random.Random`` seeded
with a string built from the seed and the thing being drawn (state, agency, period…), so the same
seed gives byte-identical files, and adding a package does not reshuffle all the others. Nothing
reads the clock: workbook properties, zip entry times and file mtimes are fixed or derived from
the simulated sending date.

The vocabulary states use (labels, synonyms, country names) is frozen in this module rather than
read from the code-list seeds, so that the demo set does not change when a code list gains a
synonym; ``tests/unit/samples`` checks that every frozen spelling still resolves.

The data are invented. Incident references are agency case numbers, narratives carry no personal
data, and the few personal-looking values (in the deliberately bad packages) are synthetic.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import functools
import hashlib
import io
import itertools
import json
import math
import os
import random
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, NotRequired, TypedDict

import xlsxwriter

DEFAULT_SEED = 2013
YEARS = range(2020, 2025)
TEMPLATE_VERSION = "1.0"
# xlsxwriter writes "now" into docProps/core.xml unless given a creation time.
WORKBOOK_CREATED = datetime(2020, 1, 1)
ZIP_ENTRY_TIME = (2020, 1, 1, 0, 0, 0)
MAX_INCIDENTS = 150  # per package at scale 1

Encoding = Literal["xlsx", "csv_zip", "json"]
Language = Literal["en", "fr", "es"]
Severity = Literal["error", "warning"]
Cell = str | int | float | date | None
Row = dict[str, Cell]
EXTENSIONS: dict[str, str] = {"xlsx": ".xlsx", "csv_zip": ".zip", "json": ".json"}

SUBMISSION_FIELDS = (
    "reporting_state",
    "reporting_agency",
    "agency_type",
    "period",
    "action",
    "template_version",
    "language",
    "date_format",
    "benefit_required",
    "stay_facilitation_criminalised",
    "notes",
)
# Template columns per table, in the spec's order (spec §3).
COLUMNS: dict[str, tuple[str, ...]] = {
    "border_events": (
        "indicator",
        "counting_unit",
        "border_type",
        "detection_location",
        "citizenship",
        "sex",
        "age_group",
        "value",
        "obs_status",
        "comment",
    ),
    "incidents": (
        "incident_ref",
        "detection_date",
        "detection_stage",
        "detection_country",
        "detection_place",
        "route",
        "transport_mode",
        "conveyance",
        "concealment",
        "migrants_total",
        "migrants_deceased",
        "migrants_missing",
        "migrants_injured",
        "unaccompanied_minors",
        "smugglers_detected",
        "fee_per_migrant",
        "fee_currency",
        "fee_basis",
        "payment_method",
        "payment_timing",
        "related_offences",
        "technology",
        "aggravating",
        "comment",
    ),
    "route_legs": (
        "incident_ref",
        "leg_seq",
        "from_country",
        "to_country",
        "transport_mode",
        "conveyance",
    ),
    "smuggled_migrants": (
        "incident_ref",
        "citizenship",
        "sex",
        "age_group",
        "unaccompanied",
        "value",
    ),
    "smugglers": (
        "incident_ref",
        "citizenship",
        "sex",
        "age_group",
        "role",
        "justice_stage",
        "group_structure",
        "value",
    ),
    "fraudulent_documents": (
        "document_type",
        "fraud_type",
        "issuing_country",
        "holder_citizenship",
        "border_type",
        "detection_location",
        "value",
    ),
    "cooperation": ("request_type", "direction", "counterpart_state", "outcome", "value"),
    "narrative": ("topic", "text"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "border_events": ("indicator", "counting_unit", "value"),
    "incidents": (
        "incident_ref",
        "detection_date",
        "route",
        "transport_mode",
        "migrants_total",
    ),
    "route_legs": ("incident_ref", "leg_seq", "from_country", "to_country", "transport_mode"),
    "smuggled_migrants": ("citizenship", "value"),
    "smugglers": ("citizenship", "role", "justice_stage", "value"),
    "fraudulent_documents": ("document_type", "fraud_type", "issuing_country", "value"),
    "cooperation": ("request_type", "direction", "counterpart_state", "value"),
    "narrative": ("topic", "text"),
}
# Columns that only make sense together: a state reports both or neither.
_COUPLED: dict[str, tuple[str, ...]] = {"fee_per_migrant": ("fee_currency",)}
DATA_TABLES: tuple[str, ...] = tuple(COLUMNS)
# Columns that hold counts (everything else in a profile table is a dimension).
VALUE_COLUMN = "value"


# --- vocabulary --------------------------------------------------------------------------
# How states write codes: per code, its English, French and Spanish labels, then synonyms, as
# in dbt_project/seeds/codelists (frozen here: see the module docstring). Lines starting with
# "|" continue the previous one.
_CODE_VOCABULARY = """
[agency_type]
immigration_border = Immigration or border authority
    | Autorité d'immigration ou de contrôle aux frontières
    | Autoridad de migración o de control fronterizo | immigration | border police
    | police aux frontières
police = Police | Police | Policía | law enforcement | gendarmerie | gendarmería
coast_guard_navy = Coast guard or navy | Garde-côtes ou marine | Guardia costera o armada
    | coast guard | navy | garde-côtes
prosecution = Prosecution service | Ministère public | Ministerio público | prosecutor
    | parquet | procureur
court = Court | Tribunal | Tribunal | judiciary | juzgado | cour
central_authority = Central authority or ministry | Autorité centrale ou ministère
    | Autoridad central o ministerio | ministry | ministère | ministerio
other = Other | Autre | Otro | otra
[aggravating]
danger_to_life = Endangered lives or safety | Mise en danger de la vie ou de la sécurité
    | Puso en peligro la vida o la seguridad | danger | unseaworthy | overloaded
inhuman_or_degrading_treatment = Inhuman or degrading treatment
    | Traitement inhumain ou dégradant | Trato inhumano o degradante | degrading treatment
    | traitement dégradant | trato degradante
exploitation = Exploitation | Exploitation | Explotación | exploited | exploité | explotado
death_of_migrants = Death of migrants | Décès de migrants | Muerte de migrantes | deaths
    | fatalities | décès
minors_involved = Minors involved | Mineurs concernés | Menores involucrados | children
    | enfants | niños
none = None | Aucune | Ninguna | no aggravating circumstance
[border_type]
air = Air border | Frontière aérienne | Frontera aérea | airport | aéroport | aeropuerto
land = Land border | Frontière terrestre | Frontera terrestre | by land | terrestre
sea = Sea border | Frontière maritime | Frontera marítima | maritime | by sea | port
none = No border (inland) | Sans frontière (intérieur) | Sin frontera (interior) | inland
    | intérieur | interior
[concealment]
none = No concealment | Aucune dissimulation | Sin ocultación | none | aucune | ninguna
vehicle_compartment = Hidden compartment in a vehicle | Compartiment caché dans un véhicule
    | Compartimento oculto en un vehículo | hidden compartment | double floor | double fond
cargo_load = Hidden in cargo or goods | Caché dans le chargement | Oculto en la carga
    | among goods | in cargo | dans la marchandise
shipping_container = Hidden in a shipping container | Caché dans un conteneur
    | Oculto en un contenedor | container | conteneur | contenedor
hidden_on_vessel = Hidden on board a vessel | Caché à bord d'un navire
    | Oculto a bordo de un buque | stowaway | passager clandestin | polizón
other = Other | Autre | Otro | otra
unknown = Unknown | Inconnu | Desconocido | not known
[conveyance]
commercial_flight = Commercial flight | Vol commercial | Vuelo comercial | airline
    | scheduled flight | vol régulier
private_aircraft = Private aircraft | Avion privé | Aeronave privada | private plane
    | light aircraft
small_boat = Small boat or dinghy | Petite embarcation ou canot pneumatique
    | Embarcación pequeña o neumática | dinghy | rubber boat | canot
fishing_vessel = Fishing vessel | Navire de pêche | Buque pesquero | fishing boat
    | bateau de pêche | barco pesquero
cargo_ship = Cargo ship | Navire de charge | Buque de carga | merchant vessel | cargo
    | freighter
ferry_passenger_ship = Ferry or passenger ship | Ferry ou navire à passagers
    | Ferry o buque de pasajeros | ferry | transbordador
car_van = Car or van | Voiture ou camionnette | Coche o furgoneta | car | van | voiture
bus = Bus or coach | Bus ou autocar | Autobús | coach | autocar
truck_lorry = Truck or lorry | Camion | Camión | truck | lorry | heavy goods vehicle
shipping_container = Shipping container | Conteneur | Contenedor | container
train = Train | Train | Tren | rail | railway | ferroviaire
on_foot = On foot | À pied | A pie | walking | foot | caminando
other = Other | Autre | Otro | otra
unknown = Unknown | Inconnu | Desconocido | not known
[counting_unit]
event = Detections (events) | Détections (événements) | Detecciones (eventos) | detections
    | événements | eventos
person = Persons | Personnes | Personas | people | individuals | individus
[detection_location]
at_bcp = At a border crossing point | À un point de passage frontalier
    | En un puesto fronterizo | bcp | checkpoint | poste-frontière
between_bcp = Between border crossing points | Entre les points de passage
    | Entre puestos fronterizos | green border | blue border
inland = Inland | À l'intérieur du territoire | En el interior del territorio | interior
    | intérieur
at_sea = At sea | En mer | En el mar | high seas | haute mer | alta mar
pre_departure = Before departure (pre-boarding) | Avant le départ (pré-embarquement)
    | Antes de la salida (preembarque) | pre-boarding | check-in | embarquement
unknown = Unknown | Inconnu | Desconocido | not known | n/k
[detection_stage]
departure = At departure | Au départ | En la salida | exit | embarkation | sortie
transit = In transit | En transit | En tránsito | tránsito
arrival = On arrival | À l'arrivée | A la llegada | entry | entrée | entrada
inland = Inland after entry | À l'intérieur après l'entrée | En el interior tras la entrada
    | inland | intérieur | interior
at_sea = At sea | En mer | En el mar | interception at sea | interception en mer
    | interceptación en el mar
unknown = Unknown | Inconnu | Desconocido | not known
[direction]
sent = Sent | Envoyée | Enviada | outgoing | sortante | saliente
received = Received | Reçue | Recibida | incoming | entrante | reçu
[document_type]
passport = Passport | Passeport | Pasaporte | travel passport
id_card = Identity card | Carte d'identité | Documento de identidad | national id | cni
    | dni
visa = Visa | Visa | Visado | visa sticker | vignette visa
residence_permit = Residence permit | Titre de séjour | Permiso de residencia
    | resident card | carte de séjour | tarjeta de residencia
entry_exit_stamp = Entry or exit stamp | Cachet d'entrée ou de sortie
    | Sello de entrada o salida | stamp | cachet | sello
civil_status_document = Civil status document | Document d'état civil
    | Documento de estado civil | birth certificate | marriage certificate
    | acte de naissance
supporting_document = Supporting document | Document justificatif | Documento justificativo
    | invitation letter | bank statement | work contract
other = Other | Autre | Otro | otra
[fee_basis]
per_person_full_journey = Per person for the full journey | Par personne pour tout le trajet
    | Por persona para todo el viaje | per person | full journey | package
per_leg = Per person for one leg | Par personne pour une étape | Por persona por tramo
    | per leg | per stage | par étape
per_service = Per service (document, lodging…) | Par service (document, hébergement…)
    | Por servicio (documento, alojamiento…) | service | document only | lodging
unknown = Unknown | Inconnu | Desconocido | not known
[fraud_type]
counterfeit = Counterfeit | Contrefaçon | Falsificación total | counterfeited | contrefait
    | falsificado íntegramente
forged_altered = Forged or altered | Falsifié ou altéré | Alterado | forged | altered
    | falsifié
pseudo_document = Pseudo-document (fantasy document)
    | Pseudo-document (document de fantaisie) | Pseudodocumento (documento de fantasía)
    | fantasy document | camouflage passport | pseudo
fraudulently_obtained_genuine = Genuine document obtained fraudulently
    | Document authentique obtenu frauduleusement
    | Documento auténtico obtenido fraudulentamente | fog | fraudulently obtained
    | obtenu frauduleusement
impostor = Impostor (used by someone other than the holder)
    | Usurpation d'identité (utilisé par un tiers) | Impostor (usado por otra persona)
    | look-alike | lookalike | imposter
stolen_blank = Stolen blank document | Document vierge volé | Documento en blanco robado
    | stolen blank | vierge volé | en blanco robado
other = Other | Autre | Otro | otra
[group_structure]
individual = Individual or opportunistic | Individuel ou occasionnel
    | Individual u ocasional | lone | alone | seul
loose_network = Loose network | Réseau peu structuré | Red poco estructurada | network
    | réseau | red
structured_organisation = Structured criminal organisation
    | Organisation criminelle structurée | Organización criminal estructurada
    | organised crime group | ocg | hierarchical
unknown = Unknown | Inconnu | Desconocido | not known
[indicator]
ibc_between_bcp = Illegal border crossing between border crossing points
    | Franchissement illégal entre les points de passage frontaliers
    | Cruce irregular entre puestos fronterizos | illegal entry between bcps | ibc
ibc_at_bcp_clandestine = Clandestine entry at a border crossing point
    | Entrée clandestine à un point de passage frontalier
    | Entrada clandestina en un puesto fronterizo | clandestine entry | hidden in vehicle
illegal_exit = Illegal exit | Sortie illégale | Salida irregular | irregular exit
    | attempted illegal exit
refusal_of_entry = Refusal of entry | Refus d'entrée | Denegación de entrada | refused entry
    | inadmissible
illegal_stay = Illegal stay detected | Séjour irrégulier constaté
    | Estancia irregular detectada | irregular stay | overstay | séjour illégal
facilitator_detected = Suspected facilitator (smuggler) detected | Passeur présumé détecté
    | Presunto facilitador (traficante) detectado | facilitator | smuggler detected
    | passeur
fraudulent_document_user = User of a fraudulent document detected
    | Utilisateur de faux document détecté | Usuario de documento fraudulento detectado
    | false document user | faux document | documento falso
return_decision = Return decision | Décision de retour | Decisión de retorno
effective_return = Effective return | Retour effectif | Retorno efectivo | removal
    | expulsion | deportation
[justice_stage]
detected_suspected = Detected or suspected | Détecté ou soupçonné | Detectado o sospechoso
    | suspect | suspected | identified
arrested = Arrested | Arrêté | Detenido | arrest | interpellé | arrestado
prosecuted = Prosecuted or charged | Poursuivi ou inculpé | Procesado o acusado | charged
    | indicted | poursuivi
convicted = Convicted | Condamné | Condenado | sentenced | found guilty
acquitted = Acquitted | Acquitté | Absuelto | not guilty
unknown = Unknown | Inconnu | Desconocido | not known
[narrative_topic]
routes = Routes | Itinéraires | Rutas | route | itinéraire | ruta
modus_operandi = Modus operandi | Modes opératoires | Modus operandi | methods | méthodes
    | métodos
fees = Fees and payments | Tarifs et paiements | Tarifas y pagos | prices | prix | precios
profiles = Profiles | Profils | Perfiles | profile | profil | perfil
cooperation = International cooperation | Coopération internationale
    | Cooperación internacional | cooperation | coopération | cooperación
other = Other | Autre | Otro | otra
[obs_status]
A = Normal value | Valeur normale | Valor normal | normal | final
E = Estimated value | Valeur estimée | Valor estimado | estimate | estimé | estimado
P = Provisional value | Valeur provisoire | Valor provisional | provisional | provisoire
Q = Missing value (suppressed) | Valeur manquante (supprimée) | Valor faltante (suprimido)
    | suppressed | confidential | confidentiel
L = Missing value (exists but not collected) | Valeur manquante (non collectée)
    | Valor faltante (no recopilado) | not collected | non collecté | no recopilado
M = Missing value (not applicable) | Valeur manquante (sans objet)
    | Valor faltante (no aplicable) | not applicable | sans objet | no aplicable
[payment_method]
cash = Cash | Espèces | Efectivo | liquide | en liquide | contado
bank_transfer = Bank transfer | Virement bancaire | Transferencia bancaria | wire transfer
    | virement | transferencia
money_transfer_operator = Money transfer operator | Opérateur de transfert d'argent
    | Operador de envío de dinero | remittance company | western union | mto
hawala = Hawala or informal value transfer | Hawala ou transfert informel
    | Hawala o transferencia informal | hundi | informal value transfer | ivts
mobile_money = Mobile money | Argent mobile | Dinero móvil | mobile payment
    | paiement mobile | pago móvil
cryptocurrency = Cryptocurrency | Cryptomonnaie | Criptomoneda | crypto | bitcoin | usdt
in_kind_or_labour = In kind or by labour | En nature ou par le travail
    | En especie o con trabajo | in kind | labour | work
unknown = Unknown | Inconnu | Desconocido | not known
[payment_timing]
upfront = Paid upfront | Payé d'avance | Pagado por adelantado | in advance | d'avance
    | adelantado
instalments = In instalments | Par versements échelonnés | En plazos | instalments
    | installments | échelonné
on_arrival = On arrival | À l'arrivée | A la llegada | after arrival | à destination
    | al llegar
guarantor = Through a guarantor or escrow | Par un garant ou un dépositaire
    | Mediante un garante o depositario | guarantee | escrow | garant
unknown = Unknown | Inconnu | Desconocido | not known
[related_offence]
trafficking_in_persons = Trafficking in persons | Traite des personnes | Trata de personas
    | human trafficking | traite | trata
money_laundering = Money laundering | Blanchiment d'argent | Lavado de dinero | laundering
    | blanchiment | blanqueo
document_fraud = Document fraud | Fraude documentaire | Fraude documental | forgery
    | falsification | falsificación
corruption = Corruption or bribery | Corruption | Corrupción o soborno | bribery | bribes
    | pots-de-vin
sham_marriage = Sham marriage | Mariage simulé | Matrimonio simulado
    | marriage of convenience | mariage blanc | matrimonio de conveniencia
kidnapping_extortion = Kidnapping or extortion | Enlèvement ou extorsion
    | Secuestro o extorsión | ransom | kidnapping | extortion
violence_against_migrants = Violence against migrants | Violence contre les migrants
    | Violencia contra migrantes | assault | abuse | violence
terrorism_financing = Terrorism financing | Financement du terrorisme
    | Financiación del terrorismo | terror financing
drug_trafficking = Drug trafficking | Trafic de drogue | Tráfico de drogas | narcotics
    | stupéfiants | narcotráfico
other = Other | Autre | Otro | otra
[request_outcome]
pending = Pending | En cours | Pendiente | open | ongoing | en attente
granted = Granted or executed | Accordée ou exécutée | Concedida o ejecutada | executed
    | accepted | exécutée
refused = Refused | Refusée | Denegada | rejected | rejetée | rechazada
withdrawn = Withdrawn | Retirée | Retirada | cancelled | annulée | cancelada
unknown = Unknown | Inconnu | Desconocido | not known
[request_type]
mla_request = Mutual legal assistance request | Demande d'entraide judiciaire
    | Solicitud de asistencia judicial recíproca | mla | entraide judiciaire
    | asistencia judicial
extradition_request = Extradition request | Demande d'extradition | Solicitud de extradición
    | extradition | extradición
joint_investigation = Joint investigation | Enquête conjointe | Investigación conjunta | jit
    | joint investigation team | équipe commune d'enquête
information_exchange = Police or intelligence information exchange
    | Échange d'informations de police ou de renseignement
    | Intercambio de información policial o de inteligencia | info exchange
    | informal cooperation | échange d'informations
liaison_officer = Liaison officer or magistrate | Officier ou magistrat de liaison
    | Oficial o magistrado de enlace | liaison magistrate | magistrat de liaison
    | magistrado de enlace
asset_recovery = Asset freezing confiscation or recovery
    | Gel confiscation ou recouvrement d'avoirs | Embargo decomiso o recuperación de activos
    | confiscation | asset freezing | saisie
other = Other | Autre | Otro | otra
[role]
organiser = Organiser or leader | Organisateur ou chef | Organizador o jefe | organizer
    | leader | boss
recruiter_intermediary = Recruiter or intermediary | Recruteur ou intermédiaire
    | Reclutador o intermediario | recruiter | intermediary | rabatteur
transporter_driver = Transporter or driver | Transporteur ou chauffeur
    | Transportista o conductor | driver | transporter | chauffeur
boat_captain_crew = Boat captain or crew | Capitaine ou membre d'équipage
    | Capitán o tripulante | captain | skipper | crew
guide = Guide | Guide | Guía | border guide | passeur guide | coyote
document_provider = Document provider or forger | Fournisseur ou faussaire de documents
    | Proveedor o falsificador de documentos | forger | faussaire | falsificador
harbourer_accommodation = Harbourer or accommodation provider | Hébergeur
    | Proveedor de alojamiento o encubridor | safe house | harbourer | casa de seguridad
travel_agent_broker = Travel agent or broker | Agent de voyage ou courtier
    | Agente de viajes o intermediario | broker | travel agency | agence de voyage
money_handler = Money collector or financier | Collecteur d'argent ou financier
    | Cobrador o financista | financier | cashier | money collector
corrupt_official = Corrupt official | Agent public corrompu | Funcionario corrupto
    | corrupt officer | fonctionnaire corrompu
lookout_enforcer = Lookout or enforcer | Guetteur ou homme de main | Vigía o sicario
    | lookout | enforcer | guetteur
other = Other | Autre | Otro | otra
unknown = Unknown | Inconnu | Desconocido | not known
[sex]
male = Male | Homme | Hombre | m | man | men
female = Female | Femme | Mujer | f | woman | women
other = Other | Autre | Otro | x | diverse | non-binary
unknown = Unknown | Inconnu | Desconocido | u | not known | not stated
[technology]
social_media = Social media | Réseaux sociaux | Redes sociales | facebook | tiktok
    | instagram
messaging_app = Encrypted or messaging app | Messagerie chiffrée ou instantanée
    | Aplicación de mensajería | whatsapp | telegram | signal
dark_web = Dark web | Dark Web | Dark web | darknet | tor | web clandestin
cryptocurrency = Cryptocurrency | Cryptomonnaie | Criptomoneda | crypto | bitcoin | usdt
satellite_or_mobile_navigation = Satellite phone or GPS navigation
    | Téléphone satellite ou GPS | Teléfono satelital o GPS | gps | satellite phone
    | thuraya
online_advertising = Online advertising of services | Publicité en ligne des services
    | Publicidad en línea de servicios | online ads | annonces en ligne | anuncios en línea
none = None | Aucune | Ninguna | no technology
unknown = Unknown | Inconnu | Desconocido | not known
[transport_mode]
air = Air | Aérien | Aéreo | by air | plane | avion
sea = Sea | Maritime | Marítimo | by sea | boat | bateau
land = Land | Terrestre | Terrestre | by land | road | route
mixed = Mixed (several modes) | Mixte (plusieurs modes) | Mixto (varios modos) | multimodal
    | combined | combiné
unknown = Unknown | Inconnu | Desconocido | not known
[yes_no]
yes = Yes | Oui | Sí | y | true | 1
no = No | Non | No | n | false | 0
unknown = Unknown | Inconnu | Desconocido | u | not known | nk
[action]
replace = Replace (new or corrected report) | Remplacer (rapport nouveau ou corrigé)
    | Reemplazar (informe nuevo o corregido) | new | nouveau | nuevo
delete = Withdraw this report | Retirer ce rapport | Retirar este informe | withdraw
    | retirer | retirar
"""

# Countries: alpha-2, M49 number, ISO 3166 names in English, French and Spanish (pycountry),
# then aliases of country_aliases.csv. "-" = no such form (the ICAO codes XXA and XXX).
# The lines after ARE are the Middle East, Africa and Europe of the benchmark sets
# (bench/scale.py); the demo set never uses them.
_COUNTRY_VOCABULARY = """
[countries]
AUS = AU | 36 | Australia | Australie | Australia
NZL = NZ | 554 | New Zealand | Nouvelle-Zélande | Nueva Zelanda
IDN = ID | 360 | Indonesia | Indonésie | Indonesia
MYS = MY | 458 | Malaysia | Malaisie | Malasia
THA = TH | 764 | Thailand | Thaïlande | Tailandia
PHL = PH | 608 | Philippines | Philippines | Filipinas
VNM = VN | 704 | Viet Nam | Viêt Nam | Vietnam | Viet Nam
KHM = KH | 116 | Cambodia | Cambodge | Camboya
LAO = LA | 418 | Lao People's Democratic Republic | Lao, République démocratique populaire
    | República Democrática Popular de Lao | Lao PDR | Laos
MMR = MM | 104 | Myanmar | Birmanie | Birmania | Burma
BGD = BD | 50 | Bangladesh | Bangladesh | Bangladés
PAK = PK | 586 | Pakistan | Pakistan | Pakistán
AFG = AF | 4 | Afghanistan | Afghanistan | Afganistán
IRN = IR | 364 | Iran, Islamic Republic of | Iran, République islamique d'
    | Irán, República islámica de | Iran (Islamic Republic of) | Iran
LKA = LK | 144 | Sri Lanka | Sri Lanka | Sri Lanka
NPL = NP | 524 | Nepal | Népal | Nepal
IND = IN | 356 | India | Inde | India
CHN = CN | 156 | China | Chine | China
JPN = JP | 392 | Japan | Japon | Japón
KOR = KR | 410 | Korea, Republic of | Corée, République de | Corea, República de
    | South Korea | Republic of Korea
SGP = SG | 702 | Singapore | Singapour | Singapur
BRN = BN | 96 | Brunei Darussalam | Brunéi Darussalam | Brunei Darussalam | Brunei
TLS = TL | 626 | Timor-Leste | Timor oriental | Timor Oriental | Timor-Leste | East Timor
FJI = FJ | 242 | Fiji | Fidji | Fiyi
PNG = PG | 598 | Papua New Guinea | Papouasie-Nouvelle-Guinée | Papúa Nueva Guinea
HKG = HK | 344 | Hong Kong | Hong Kong | Hong Kong | Hong Kong SAR | Hong Kong, China
MAC = MO | 446 | Macao | Macau | Macao | Macao SAR | Macau
TUR = TR | 792 | Türkiye | Turquie | Turquía | Türkiye | Turkey
GRC = GR | 300 | Greece | Grèce | Grecia
ITA = IT | 380 | Italy | Italie | Italia
IRQ = IQ | 368 | Iraq | Irak | Irak
SYR = SY | 760 | Syrian Arab Republic | Syrienne, République arabe
    | República árabe de Siria | Syria
SOM = SO | 706 | Somalia | Somalie | Somalia
GBR = GB | 826 | United Kingdom | Royaume-Uni | Reino Unido | UK | Great Britain
USA = US | 840 | United States | États-Unis | Estados Unidos | USA | United States | US
CAN = CA | 124 | Canada | Canada | Canadá
ARE = AE | 784 | United Arab Emirates | Émirats arabes unis | Emiratos Árabes Unidos
ESP = ES | 724 | Spain | Espagne | España
FRA = FR | 250 | France | France | Francia
BGR = BG | 100 | Bulgaria | Bulgarie | Bulgaria
SRB = RS | 688 | Serbia | Serbie | Serbia
MLT = MT | 470 | Malta | Malte | Malta
JOR = JO | 400 | Jordan | Jordanie | Jordania
LBN = LB | 422 | Lebanon | Liban | Líbano
SAU = SA | 682 | Saudi Arabia | Arabie saoudite | Arabia Saudí
YEM = YE | 887 | Yemen | Yémen | Yemen
EGY = EG | 818 | Egypt | Égypte | Egipto
LBY = LY | 434 | Libya | Libye | Libia
TUN = TN | 788 | Tunisia | Tunisie | Tunez
MAR = MA | 504 | Morocco | Maroc | Marruecos
DZA = DZ | 12 | Algeria | Algérie | Algeria
NER = NE | 562 | Niger | Niger | Niger
SDN = SD | 729 | Sudan | Soudan | Sudán
ETH = ET | 231 | Ethiopia | Éthiopie | Etiopía
ERI = ER | 232 | Eritrea | Érythrée | Eritrea
DJI = DJ | 262 | Djibouti | Djibouti | Yibuti
KEN = KE | 404 | Kenya | Kenya | Kenia
SEN = SN | 686 | Senegal | Sénégal | Senegal
NGA = NG | 566 | Nigeria | Nigeria | Nigeria
MLI = ML | 466 | Mali | Mali | Malí
GIN = GN | 324 | Guinea | Guinée | Guinea
CIV = CI | 384 | Côte d'Ivoire | Côte d'Ivoire | Costa de Marfíl | Ivory Coast
XXA = - | - | Stateless | Apatride | Apátrida
XXX = - | - | Unknown | Inconnu | Desconocido | Not specified | Unspecified nationality
"""


def _parse_vocabulary(text: str) -> dict[str, dict[str, tuple[str, ...]]]:
    sections: dict[str, dict[str, tuple[str, ...]]] = {}
    current: dict[str, tuple[str, ...]] = {}
    key = ""
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
        elif line.lstrip().startswith("|"):
            current[key] += tuple(t.strip() for t in line.strip()[1:].split(" | "))
        else:
            key, _, rest = line.partition(" = ")
            current[key] = tuple(t.strip() for t in rest.split(" | "))
    return sections


CODES: dict[str, dict[str, tuple[str, ...]]] = _parse_vocabulary(_CODE_VOCABULARY)


@dataclass(frozen=True)
class CountryNames:
    iso3: str
    iso2: str | None
    m49: int | None
    en: str
    fr: str
    es: str
    aliases: tuple[str, ...]

    def name(self, language: str) -> str:
        return {"en": self.en, "fr": self.fr, "es": self.es}[language]

    def prose(self, language: str) -> str:
        """A name that reads well in a sentence ("Iran", not "Iran, Islamic Republic of")."""
        name = self.name(language)
        if "," not in name and len(name) <= 20:
            return name
        short = [a for a in (self.en, *self.aliases) if "," not in a and "(" not in a]
        return min(short, key=len) if short else name.split(",")[0]


def _countries() -> dict[str, CountryNames]:
    out: dict[str, CountryNames] = {}
    for iso3, terms in _parse_vocabulary(_COUNTRY_VOCABULARY)["countries"].items():
        iso2, m49, en, fr, es, *aliases = terms
        out[iso3] = CountryNames(
            iso3,
            None if iso2 == "-" else iso2,
            None if m49 == "-" else int(m49),
            en,
            fr,
            es,
            tuple(aliases),
        )
    return out


COUNTRIES: dict[str, CountryNames] = _countries()

# Fixed spellings some states use for sex (checked against the code list by the tests).
SEX_PRESETS: dict[str, dict[str, str]] = {
    "codes": {"male": "male", "female": "female"},
    "letters": {"male": "M", "female": "F"},
    "labels": {"male": "Male", "female": "Female"},
    "fr": {"male": "H", "female": "F"},
    "fr_words": {"male": "Homme", "female": "Femme"},
    "es": {"male": "Hombre", "female": "Mujer"},
    "id": {"male": "L", "female": "P"},  # Indonesian laki-laki / perempuan
}


# --- reference data of the simulation ----------------------------------------------------
# Rough local-currency units per US dollar (2020-2024 averages, rounded; see
# /work/shared/reference/fx/SOURCE.md) and the step fees are rounded to in that currency:
# smugglers quote round sums.
USD_RATES: dict[str, tuple[float, float]] = {
    "USD": (1.0, 50),
    "EUR": (0.92, 50),
    "AUD": (1.45, 50),
    "NZD": (1.6, 50),
    "IDR": (15_000, 500_000),
    "MYR": (4.4, 50),
    "THB": (34, 1_000),
    "PHP": (55, 1_000),
    "VND": (23_500, 1_000_000),
    "KHR": (4_100, 100_000),
    "LAK": (12_000, 500_000),
    "MMK": (2_000, 50_000),
    "BDT": (100, 1_000),
    "PKR": (250, 5_000),
    "AFN": (80, 1_000),
    "IRR": (42_000, 1_000_000),
    "LKR": (300, 5_000),
    "NPR": (130, 1_000),
    "INR": (80, 1_000),
    "CNY": (7, 100),
    "JPY": (140, 10_000),
    "KRW": (1_300, 100_000),
    "SGD": (1.35, 50),
    "BND": (1.35, 50),
    "HKD": (7.8, 100),
    "FJD": (2.2, 50),
    "PGK": (3.6, 50),
    # Currencies of the benchmark sets' states (bench/scale.py), 2015-2024 rough averages.
    "TRY": (12, 500),
    "GBP": (0.78, 50),
    "RSD": (107, 5_000),
    "IQD": (1_300, 50_000),
    "JOD": (0.71, 50),
    "LBP": (1_500, 100_000),
    "SAR": (3.75, 100),
    "AED": (3.67, 100),
    "EGP": (18, 500),
    "LYD": (3, 100),
    "TND": (2.9, 100),
    "MAD": (9.6, 500),
    "XOF": (600, 25_000),
    "SDG": (200, 10_000),
    "ETB": (40, 1_000),
    "DJF": (178, 5_000),
    "KES": (110, 5_000),
}
# Currencies in which fees sometimes carry cents ("1500.50").
_CENTS = frozenset({"USD", "EUR", "AUD", "NZD", "MYR", "SGD", "BND", "FJD", "PGK"})
# Detected smuggling fell with the pandemic border closures and recovered after. The demo set
# covers 2020-2024; the benchmark sets (bench/scale.py) start in 2015 and add one 2025 package.
TREND: dict[int, float] = {
    2015: 1.2,
    2016: 1.1,
    2017: 0.95,
    2018: 0.9,
    2019: 0.95,
    2020: 0.55,
    2021: 0.7,
    2022: 0.95,
    2023: 1.15,
    2024: 1.25,
    2025: 1.3,
}


@dataclass(frozen=True)
class AgeBand:
    label: str
    low: int
    high: int | None  # None: open-ended

    @property
    def minor(self) -> bool:
        return self.high is not None and self.high < 18

    @property
    def adult(self) -> bool:
        return self.low >= 18


def _bands(*bands: tuple[str, int, int | None]) -> tuple[AgeBand, ...]:
    return tuple(AgeBand(*b) for b in bands)


# National age schemes (spec §2): states keep their own bands; "15-24" straddles 18.
AGE_SCHEMES: dict[str, tuple[AgeBand, ...]] = {
    "fine": _bands(("0-17", 0, 17), ("18-24", 18, 24), ("25-34", 25, 34), ("35+", 35, None)),
    "binary": _bands(("<18", 0, 17), ("18+", 18, None)),
    "words": _bands(("minor", 0, 17), ("adult", 18, None)),
    "un": _bands(("under 18", 0, 17), ("18 and over", 18, None)),
    "five": _bands(
        ("0-13", 0, 13), ("14-17", 14, 17), ("18-29", 18, 29), ("30-49", 30, 49), ("50+", 50, None)
    ),
    "fr": _bands(("moins de 18", 0, 17), ("18 et plus", 18, None)),
    "fr_fine": _bands(("moins de 18", 0, 17), ("18-34", 18, 34), ("35 et plus", 35, None)),
    "es_who": _bands(("0-14", 0, 14), ("15-24", 15, 24), ("25-64", 25, 64), ("65 y más", 65, None)),
}
_OLDEST = 84


def _age_density(age: int, minors: float, *, smugglers: bool = False) -> float:
    """A reference age pyramid: smuggled migrants are mostly young adults, facilitators a bit
    older and never (here) minors."""
    if smugglers:
        shares = ((18, 25, 0.15), (25, 35, 0.35), (35, 45, 0.3), (45, 65, 0.18), (65, 85, 0.02))
        minors = 0.0
    else:
        shares = ((18, 25, 0.38), (25, 35, 0.34), (35, 45, 0.17), (45, 65, 0.09), (65, 85, 0.02))
    if age < 18:
        return minors / 18
    for low, high, share in shares:
        if low <= age < high:
            return (1 - minors) * share / (high - low)
    return 0.0


def age_weights(bands: Sequence[AgeBand], minors: float, *, smugglers: bool = False) -> list[float]:
    return list(_age_weights(tuple(bands), minors, smugglers))


@functools.cache
def _age_weights(bands: tuple[AgeBand, ...], minors: float, smugglers: bool) -> tuple[float, ...]:
    # Memoised: called for every profile cell, with a handful of distinct arguments.
    return tuple(
        sum(
            _age_density(a, minors, smugglers=smugglers)
            for a in range(b.low, (b.high if b.high is not None else _OLDEST) + 1)
        )
        for b in bands
    )


@dataclass(frozen=True)
class Leg:
    mode: str  # transport_mode code
    conveyances: tuple[str, ...]


@dataclass(frozen=True)
class Family:
    """A smuggling route as the region's reports describe it: countries origin first, the
    mode of each leg, fee and group size ranges, and who travels on it."""

    path: tuple[str, ...]
    legs: tuple[Leg, ...]
    fee_usd: tuple[int, int]
    group: tuple[int, int]
    citizenships: tuple[tuple[str, float], ...]
    male: float
    minors: float

    @property
    def mode(self) -> str:
        modes = {leg.mode for leg in self.legs}
        return self.legs[0].mode if len(modes) == 1 else "mixed"

    @property
    def has_sea(self) -> bool:
        return any(leg.mode == "sea" for leg in self.legs)


def _family(
    path: str,
    legs: str,
    fee_usd: tuple[int, int],
    group: tuple[int, int],
    citizenships: str,
    male: float,
    minors: float,
) -> Family:
    members = tuple(path.split(">"))
    parsed = tuple(
        Leg(mode, tuple(conv.split("/")))
        for mode, conv in (leg.strip().split(":") for leg in legs.split(","))
    )
    assert len(parsed) == len(members) - 1, path
    mix = tuple((c, float(w)) for c, w in (p.split(":") for p in citizenships.split(",")))
    return Family(members, parsed, fee_usd, group, mix, male, minors)


family = _family  # public: other route sets (bench/scale.py) are written the same way
F = _family
FAMILIES: tuple[Family, ...] = (
    F("AFG>IRN>TUR", "land:car_van/on_foot/truck_lorry, land:on_foot/truck_lorry/car_van",
      (3000, 6000), (5, 60), "AFG:85,PAK:10,XXX:5", 0.9, 0.18),
    F("AFG>PAK>IRN>TUR", "land:car_van/bus/on_foot, land:car_van/truck_lorry/on_foot, "
      "land:on_foot/truck_lorry", (3000, 7000), (5, 40), "AFG:90,XXX:10", 0.9, 0.15),
    F("AFG>IRN>TUR>GRC", "land:car_van/on_foot, land:on_foot/truck_lorry, sea:small_boat",
      (6000, 12000), (5, 40), "AFG:90,IRN:5,XXX:5", 0.85, 0.2),
    F("AFG>PAK", "land:on_foot/car_van/bus", (100, 500), (2, 30), "AFG:100", 0.75, 0.25),
    F("AFG>IRN", "land:car_van/on_foot/truck_lorry", (300, 1200), (2, 50), "AFG:100", 0.9, 0.15),
    F("PAK>IRN>TUR", "land:car_van/bus, land:on_foot/truck_lorry", (2500, 6000), (5, 40),
      "PAK:85,AFG:15", 0.95, 0.08),
    F("PAK>IRN>TUR>GRC>ITA", "land:car_van/bus, land:on_foot/truck_lorry, sea:small_boat, "
      "sea:ferry_passenger_ship/cargo_ship", (8000, 15000), (3, 30), "PAK:80,AFG:10,BGD:10",
      0.95, 0.05),
    F("IRN>TUR", "land:on_foot/truck_lorry/car_van", (1500, 4000), (2, 30), "IRN:60,AFG:40",
      0.85, 0.1),
    F("BGD>MMR>THA>MYS", "sea:fishing_vessel, land:on_foot/car_van, "
      "land:on_foot/car_van/truck_lorry", (1500, 4000), (10, 150), "XXA:60,MMR:25,BGD:15",
      0.7, 0.2),
    F("BGD>MYS", "sea:fishing_vessel", (1500, 3000), (20, 300), "XXA:55,MMR:30,BGD:15", 0.6, 0.25),
    F("BGD>MYS", "air:commercial_flight", (2000, 4500), (1, 6), "BGD:100", 0.95, 0.02),
    F("BGD>IDN", "sea:fishing_vessel/small_boat", (1500, 3000), (30, 250), "XXA:70,MMR:30",
      0.55, 0.3),
    F("BGD>IND", "land:on_foot/car_van", (100, 500), (1, 30), "BGD:100", 0.6, 0.2),
    F("BGD>SGP", "air:commercial_flight", (2000, 5000), (1, 5), "BGD:100", 0.95, 0.01),
    F("MMR>THA>MYS", "land:on_foot/car_van, land:on_foot/car_van/truck_lorry", (800, 2500),
      (3, 40), "MMR:90,XXA:10", 0.7, 0.12),
    F("MMR>THA", "land:on_foot/car_van/truck_lorry", (300, 900), (2, 40), "MMR:100", 0.65, 0.12),
    F("MMR>MYS", "sea:fishing_vessel", (1500, 3000), (20, 200), "XXA:75,MMR:25", 0.6, 0.25),
    F("MMR>CHN", "land:on_foot/car_van", (300, 1000), (1, 15), "MMR:100", 0.5, 0.1),
    F("MMR>IND", "land:on_foot", (100, 400), (1, 20), "MMR:70,XXA:30", 0.6, 0.2),
    F("LKA>AUS", "sea:fishing_vessel", (3000, 8000), (10, 80), "LKA:100", 0.85, 0.15),
    F("LKA>IND", "sea:small_boat", (500, 2000), (2, 20), "LKA:100", 0.6, 0.25),
    F("LKA>MYS", "air:commercial_flight", (1500, 3500), (1, 6), "LKA:100", 0.9, 0.02),
    F("IDN>AUS", "sea:fishing_vessel/small_boat", (2000, 7000), (5, 60),
      "AFG:30,IRN:20,IDN:20,IRQ:15,XXX:15", 0.8, 0.15),
    F("IRN>MYS>IDN>AUS", "air:commercial_flight, sea:small_boat/ferry_passenger_ship, "
      "sea:fishing_vessel", (8000, 15000), (5, 50), "IRN:45,IRQ:25,AFG:20,SYR:10", 0.75, 0.2),
    F("PNG>AUS", "sea:small_boat", (500, 2000), (1, 10), "PNG:70,IDN:30", 0.8, 0.05),
    F("TLS>IDN>AUS", "land:car_van, sea:fishing_vessel", (2000, 5000), (2, 20), "TLS:60,IDN:40",
      0.8, 0.05),
    F("TLS>IDN", "land:on_foot/car_van", (50, 300), (1, 10), "TLS:100", 0.6, 0.15),
    F("IDN>PNG", "land:on_foot", (100, 500), (1, 10), "IDN:100", 0.7, 0.1),
    F("IDN>MYS", "sea:small_boat/ferry_passenger_ship", (300, 1000), (2, 40), "IDN:100", 0.7, 0.1),
    F("IDN>SGP", "sea:small_boat", (500, 1500), (1, 10), "IDN:100", 0.75, 0.05),
    F("IDN>MYS>BRN", "sea:small_boat, land:car_van", (800, 2000), (1, 10), "IDN:100", 0.7, 0.05),
    F("PHL>MYS", "sea:small_boat/ferry_passenger_ship", (200, 800), (2, 30), "PHL:100", 0.6, 0.2),
    F("PHL>MYS>BRN", "sea:ferry_passenger_ship, land:car_van", (800, 2000), (1, 10), "PHL:100",
      0.6, 0.05),
    F("PHL>JPN", "air:commercial_flight", (3000, 8000), (1, 4), "PHL:100", 0.35, 0.02),
    F("MYS>SGP", "land:truck_lorry/car_van", (1000, 3000), (1, 6), "MYS:50,BGD:25,MMR:25",
      0.9, 0.02),
    F("VNM>KHM>THA", "land:bus/car_van, land:on_foot/car_van/truck_lorry", (500, 2000), (2, 30),
      "VNM:100", 0.6, 0.08),
    F("VNM>LAO>THA", "land:bus/car_van, land:car_van/on_foot", (500, 2000), (2, 30), "VNM:100",
      0.6, 0.08),
    F("LAO>THA", "land:car_van/on_foot/bus", (100, 500), (1, 20), "LAO:100", 0.5, 0.15),
    F("KHM>THA", "land:on_foot/car_van/truck_lorry", (100, 600), (1, 30), "KHM:100", 0.6, 0.12),
    F("KHM>KOR", "air:commercial_flight", (3000, 7000), (1, 4), "KHM:100", 0.6, 0.01),
    F("CHN>MMR>THA", "land:car_van, land:on_foot/car_van", (1000, 4000), (2, 20), "CHN:100",
      0.7, 0.03),
    F("VNM>CHN", "land:on_foot/car_van", (300, 1500), (1, 20), "VNM:100", 0.4, 0.05),
    F("VNM>CHN>HKG", "land:car_van/on_foot, sea:small_boat", (1500, 4000), (1, 15), "VNM:100",
      0.75, 0.05),
    F("CHN>HKG", "sea:small_boat", (1000, 3000), (1, 15), "CHN:100", 0.7, 0.05),
    F("PAK>HKG", "air:commercial_flight", (2000, 6000), (1, 4), "PAK:100", 0.9, 0.02),
    F("CHN>KOR", "sea:fishing_vessel/cargo_ship", (5000, 10000), (2, 20), "CHN:100", 0.8, 0.02),
    F("CHN>JPN", "air:commercial_flight", (5000, 12000), (1, 5), "CHN:100", 0.6, 0.02),
    F("VNM>JPN", "air:commercial_flight", (6000, 12000), (1, 5), "VNM:100", 0.55, 0.02),
    F("VNM>KOR", "air:commercial_flight", (7000, 13000), (1, 5), "VNM:100", 0.6, 0.02),
    F("THA>KOR", "air:commercial_flight", (1000, 3000), (1, 6), "THA:100", 0.4, 0.01),
    F("NPL>IND", "land:bus/on_foot", (100, 400), (1, 20), "NPL:100", 0.6, 0.2),
    F("NPL>MYS", "air:commercial_flight", (1500, 4000), (1, 10), "NPL:100", 0.95, 0.01),
    F("IND>MYS", "air:commercial_flight", (1000, 3000), (1, 8), "IND:100", 0.9, 0.01),
    F("PAK>MYS", "air:commercial_flight", (1500, 4000), (1, 8), "PAK:100", 0.95, 0.01),
    F("IND>NZL", "air:commercial_flight", (5000, 12000), (1, 4), "IND:100", 0.7, 0.05),
    F("CHN>NZL", "air:commercial_flight", (6000, 15000), (1, 4), "CHN:100", 0.6, 0.03),
    F("CHN>FJI>NZL", "air:commercial_flight, air:commercial_flight", (6000, 14000), (1, 4),
      "CHN:100", 0.6, 0.03),
    F("IND>FJI", "air:commercial_flight", (3000, 8000), (1, 4), "IND:100", 0.7, 0.05),
)  # fmt: skip
del F


# --- the participating states and territories --------------------------------------------
T_BORDER = ("border_events", "narrative")
T_BORDER_DOCS = ("border_events", "fraudulent_documents", "narrative")
T_IMMIGRATION = (
    "border_events",
    "incidents",
    "smuggled_migrants",
    "fraudulent_documents",
    "narrative",
)
T_CASES = ("incidents", "route_legs", "smuggled_migrants", "smugglers", "cooperation", "narrative")
T_CASES_LITE = ("incidents", "smuggled_migrants", "narrative")
T_FULL = DATA_TABLES


@dataclass(frozen=True)
class Agency:
    short: str  # for file names
    name: str  # reporting_agency as the agency writes it
    agency_type: str
    # Period types: "Q", "S", "A", or "M2>Q" = monthly for the first two years, then quarterly.
    plan: str
    tables: tuple[str, ...]
    incidents: float = 0.0  # incidents detected a year (before the trend)
    border: float = 0.0  # persons a month in border_events
    since: date = date(2020, 1, 1)
    until: date = date(2024, 12, 31)
    gaps: float = 0.05  # share of periods never reported
    delay: int = 45  # usual days between the end of a period and sending its report
    encoding: Encoding | None = None  # when it differs from the state's usual one


@dataclass(frozen=True)
class State:
    iso3: str
    language: Language
    currency: str
    encoding: Encoding
    agencies: tuple[Agency, ...]
    ages: str  # key of AGE_SCHEMES
    benefit_required: str  # national definition of the smuggling offence (yes_no)
    stay_criminalised: str
    borders: tuple[str, ...]  # border types the state has
    places: tuple[str, ...] = ()
    charset: str = "utf-8"  # CSV bundles: utf-8, utf-8-sig, utf-16, cp1252
    delimiter: str = ","
    native_dates: bool = False  # XLSX: Excel dates rather than text
    json_numbers: bool = True  # JSON: counts as numbers rather than strings
    date_format: str = "YYYY-MM-DD"
    usd_fees: float = 0.3  # share of fees quoted in US dollars
    suppress_small: bool = False  # border_events counts below 5 sent as Q (suppressed)
    sex: str = "codes"  # key of SEX_PRESETS, or "vocab" for the state's label habits


A = Agency
S = State
STATES: tuple[State, ...] = (
    S("AUS", "en", "AUD", "xlsx", (
        A("ABF", "Australian Border Force", "immigration_border", "Q",
          ("border_events", "incidents", "route_legs", "smuggled_migrants",
           "fraudulent_documents", "narrative"), incidents=40, border=900, delay=40),
        A("AFP", "Australian Federal Police", "police", "S", T_CASES, incidents=25, delay=60),
      ), "fine", "no", "yes", ("air", "sea"),
      ("Christmas Island", "Ashmore Reef", "Darwin", "Broome", "Perth Airport",
       "Sydney Airport", "Torres Strait"),
      native_dates=True, date_format="DD/MM/YYYY", suppress_small=True, sex="labels"),
    S("NZL", "en", "NZD", "json", (
        A("INZ", "Immigration New Zealand", "immigration_border", "A",
          ("incidents", "smuggled_migrants", "fraudulent_documents", "narrative"), incidents=5,
          delay=75),
      ), "binary", "yes", "yes", ("air", "sea"),
      ("Auckland Airport", "Christchurch Airport", "Wellington"),
      date_format="DD/MM/YYYY", suppress_small=True),
    S("IDN", "en", "IDR", "csv_zip", (
        A("POLRI", "Kepolisian Negara Republik Indonesia - Bareskrim", "police", "M2>Q",
          T_CASES, incidents=120, delay=25),
        A("IMIGRASI", "Direktorat Jenderal Imigrasi", "immigration_border", "Q", T_IMMIGRATION,
          incidents=30, border=700, encoding="xlsx", delay=50),
      ), "five", "yes", "yes", ("air", "land", "sea"),
      ("Kupang", "Rote Island", "Tanjung Pinang", "Batam", "Medan", "Aceh coast",
       "Soekarno-Hatta Airport", "Nunukan"),
      delimiter=";", usd_fees=0.4, sex="id"),
    S("MYS", "en", "MYR", "xlsx", (
        A("PDRM", "Polis Diraja Malaysia", "police", "Q", T_CASES, incidents=120, delay=45),
        A("JIM", "Jabatan Imigresen Malaysia", "immigration_border", "M2>Q", T_IMMIGRATION,
          incidents=100, border=3000, delay=30),
      ), "fine", "no", "yes", ("air", "land", "sea"),
      ("Bukit Kayu Hitam", "Johor Bahru", "Port Klang", "KLIA", "Tawau", "Rantau Panjang"),
      date_format="DD/MM/YYYY", sex="letters"),
    S("THA", "en", "THB", "csv_zip", (
        A("RTP-IB", "Royal Thai Police - Immigration Bureau", "immigration_border", "M1>Q",
          T_FULL, incidents=280, border=5000, delay=30),
        A("DSI", "Department of Special Investigation", "police", "S", T_CASES_LITE,
          incidents=20, delay=90, gaps=0.1),
      ), "fine", "yes", "yes", ("air", "land", "sea"),
      ("Mae Sot", "Sadao", "Aranyaprathet", "Ranong", "Suvarnabhumi Airport", "Nong Khai"),
      charset="utf-8-sig", sex="labels"),
    S("PHL", "en", "PHP", "json", (
        A("BI", "Bureau of Immigration", "immigration_border", "Q", T_IMMIGRATION,
          incidents=30, border=400, delay=55),
      ), "un", "no", "no", ("air", "sea"), ("NAIA", "Zamboanga", "Bongao", "Clark"),
      json_numbers=False, date_format="MM/DD/YYYY", sex="vocab"),
    S("VNM", "fr", "VND", "csv_zip", (
        A("BGC", "Commandement des gardes-frontières", "immigration_border", "S", T_IMMIGRATION,
          incidents=40, border=1500, delay=60),
      ), "fr_fine", "yes", "no", ("air", "land", "sea"),
      ("Mong Cai", "Lao Cai", "Moc Bai", "Cau Treo"), charset="utf-16", sex="fr"),
    S("KHM", "fr", "USD", "xlsx", (
        A("GDI", "Direction générale de l'immigration", "immigration_border", "Q",
          ("border_events", "incidents", "smuggled_migrants", "smugglers", "narrative"),
          incidents=30, border=2000, delay=50),
      ), "fr", "yes", "no", ("air", "land", "sea"),
      ("Poipet", "Bavet", "Koh Kong", "Phnom Penh Airport"), native_dates=True, usd_fees=0.9,
      sex="fr_words"),
    S("LAO", "fr", "LAK", "csv_zip", (
        A("IPD", "Département de la police de l'immigration", "immigration_border", "A",
          ("incidents", "smuggled_migrants", "smugglers", "narrative"), incidents=12, delay=90),
      ), "fr", "yes", "no", ("air", "land"), ("Vientiane", "Savannakhet", "Huay Xai", "Boten"),
      charset="cp1252", delimiter=";", date_format="DD/MM/YYYY", usd_fees=0.5, sex="fr"),
    S("MMR", "en", "MMK", "xlsx", (
        A("MPF", "Myanmar Police Force - Anti-Trafficking in Persons Division", "police", "S",
          T_BORDER, border=1200, delay=80, gaps=0.15),
      ), "words", "yes", "no", ("land", "sea", "air")),
    S("BGD", "en", "BDT", "json", (
        A("CID", "Bangladesh Police - Criminal Investigation Department", "police", "Q", T_CASES,
          incidents=80, delay=45),
        A("BGB", "Border Guard Bangladesh", "immigration_border", "S", T_BORDER_DOCS,
          border=1500, delay=60),
      ), "binary", "yes", "no", ("air", "land", "sea"), ("Cox's Bazar", "Teknaf", "Benapole"),
      sex="letters"),
    S("PAK", "en", "PKR", "csv_zip", (
        A("FIA", "Federal Investigation Agency", "police", "M2>Q", T_FULL, incidents=150,
          border=800, delay=30),
      ), "fine", "yes", "yes", ("air", "land", "sea"),
      ("Taftan", "Torkham", "Gwadar", "Karachi Airport", "Lahore Airport"),
      charset="cp1252", date_format="DD/MM/YYYY", usd_fees=0.4, sex="letters"),
    S("AFG", "en", "AFN", "xlsx", (
        A("MOI", "Ministry of Interior Affairs - Afghan Border Police", "immigration_border",
          "Q", ("border_events", "incidents", "smuggled_migrants", "narrative"), incidents=150,
          border=4000, until=date(2021, 6, 30), delay=40),
      ), "binary", "yes", "no", ("land", "air"),
      ("Islam Qala", "Zaranj", "Torkham", "Spin Boldak"), native_dates=True, usd_fees=0.8),
    S("IRN", "en", "IRR", "json", (
        A("NAJA", "Border Guard Command", "immigration_border", "S",
          ("border_events", "incidents", "smugglers", "narrative"), incidents=220, border=8000,
          delay=70, gaps=0.1),
      ), "words", "yes", "yes", ("land", "sea", "air"), ("Mirjaveh", "Bazargan", "Sarv"),
      json_numbers=False, usd_fees=0.6),
    S("LKA", "en", "LKR", "xlsx", (
        A("SLN", "Sri Lanka Navy", "coast_guard_navy", "Q",
          ("incidents", "route_legs", "smuggled_migrants", "smugglers", "narrative"),
          incidents=20, delay=45),
        A("DIE", "Department of Immigration and Emigration", "immigration_border", "A",
          T_BORDER_DOCS, border=300, delay=100),
      ), "un", "no", "yes", ("air", "sea"),
      ("Negombo", "Chilaw", "Trincomalee", "Batticaloa", "Colombo Airport")),
    S("NPL", "en", "NPR", "csv_zip", (
        A("AHTB", "Nepal Police - Anti-Human Trafficking Bureau", "police", "S",
          ("incidents", "smuggled_migrants", "cooperation", "narrative"), incidents=25,
          delay=60),
      ), "binary", "yes", "no", ("air", "land"),
      ("Birgunj", "Bhairahawa", "Kakarbhitta", "Tribhuvan Airport")),
    S("IND", "en", "INR", "xlsx", (
        A("BOI", "Bureau of Immigration", "immigration_border", "S",
          ("border_events", "fraudulent_documents", "incidents", "narrative"), incidents=30,
          border=1500, delay=60),
      ), "un", "yes", "no", ("air", "land", "sea"),
      ("Petrapole", "Raxaul", "Delhi Airport", "Chennai Airport"), native_dates=True),
    S("CHN", "en", "CNY", "json", (
        A("NIA", "National Immigration Administration", "immigration_border", "S",
          T_BORDER_DOCS, border=6000, delay=75),
      ), "binary", "yes", "no", ("air", "land", "sea")),
    S("JPN", "en", "JPY", "xlsx", (
        A("ISA", "Immigration Services Agency", "immigration_border", "Q",
          ("border_events", "fraudulent_documents", "incidents", "narrative"), incidents=10,
          border=1200, delay=50),
      ), "fine", "yes", "yes", ("air", "sea"),
      ("Narita Airport", "Kansai Airport", "Haneda Airport"), native_dates=True,
      suppress_small=True, sex="labels"),
    S("KOR", "en", "KRW", "json", (
        A("KIS", "Korea Immigration Service", "immigration_border", "S", T_IMMIGRATION,
          incidents=15, border=1500, delay=55),
      ), "fine", "yes", "yes", ("air", "sea"), ("Incheon Airport", "Busan Port", "Jeju"),
      suppress_small=True),
    S("SGP", "en", "SGD", "xlsx", (
        A("ICA", "Immigration & Checkpoints Authority", "immigration_border", "M1>Q",
          T_IMMIGRATION, incidents=20, border=300, delay=30),
      ), "fine", "no", "yes", ("air", "land", "sea"),
      ("Woodlands Checkpoint", "Tuas Checkpoint", "Changi Airport"), suppress_small=True),
    S("BRN", "en", "BND", "json", (
        A("INRD", "Immigration and National Registration Department", "immigration_border",
          "A", T_BORDER, border=50, delay=90),
      ), "binary", "no", "yes", ("air", "land", "sea"), json_numbers=False),
    S("TLS", "es", "USD", "csv_zip", (
        A("PNTL", "Policía Nacional de Timor-Leste", "police", "S", T_CASES_LITE, incidents=8,
          since=date(2021, 1, 1), delay=80, gaps=0.1),
        A("SM", "Servicio de Migración", "immigration_border", "A", T_BORDER, border=60,
          since=date(2021, 1, 1), delay=100),
      ), "es_who", "yes", "no", ("land", "sea", "air"), ("Batugade", "Salele", "Puerto de Dili"),
      charset="cp1252", delimiter=";", date_format="DD/MM/YYYY", usd_fees=1.0, sex="es"),
    S("FJI", "en", "FJD", "json", (
        A("FID", "Fiji Immigration Department", "immigration_border", "A", T_BORDER, border=40,
          since=date(2021, 1, 1), delay=100),
      ), "binary", "no", "yes", ("air", "sea")),
    S("PNG", "en", "PGK", "xlsx", (
        A("ICA", "PNG Immigration and Citizenship Authority", "immigration_border", "A",
          T_CASES_LITE, incidents=6, delay=120),
      ), "words", "no", "no", ("air", "land", "sea"), ("Wutung", "Daru", "Jacksons Airport"),
      native_dates=True),
    S("HKG", "en", "HKD", "csv_zip", (
        A("IMMD", "Immigration Department", "immigration_border", "Q", T_IMMIGRATION,
          incidents=60, border=700, delay=45),
      ), "fine", "no", "yes", ("air", "land", "sea"),
      ("Lok Ma Chau", "Sha Tau Kok", "Hong Kong Airport", "Tuen Mun"), charset="utf-16"),
)  # fmt: skip
del A, S
STATE_BY_ISO3: dict[str, State] = {s.iso3: s for s in STATES}


# --- periods -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    kind: Literal["M", "Q", "S", "A"]
    year: int
    number: int  # month, quarter or half; 1 for a year

    @property
    def months(self) -> int:
        return {"M": 1, "Q": 3, "S": 6, "A": 12}[self.kind]

    @property
    def label(self) -> str:
        if self.kind == "M":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "A":
            return str(self.year)
        return f"{self.year}-{self.kind}{self.number}"

    @property
    def start(self) -> date:
        return date(self.year, (self.number - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        month = self.number * self.months
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def agency_periods(agency: Agency) -> list[Period]:
    """Every period the agency's plan covers (before gaps)."""
    first, _, then = agency.plan.partition(">")
    kind = first[0]
    years_first = int(first[1:]) if len(first) > 1 else len(YEARS)
    out: list[Period] = []
    for i, year in enumerate(YEARS):
        k = kind if i < years_first else then
        per_year = {"M": 12, "Q": 4, "S": 2, "A": 1}[k]
        out += [Period(k, year, n) for n in range(1, per_year + 1)]  # type: ignore[arg-type]
    return [p for p in out if p.start >= agency.since and p.end <= agency.until]


# --- randomness --------------------------------------------------------------------------
def _rng(seed: int, *parts: object) -> random.Random:
    """A generator for one named thing. String seeds are hashed with SHA-512 by ``random``,
    so this is stable across runs and platforms (unlike ``hash()``)."""
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def _weighted(rng: random.Random, options: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def split_count(
    rng: random.Random, total: int, weights: Sequence[float], jitter: float = 0.35
) -> list[int]:
    """Split ``total`` into whole parts roughly proportional to ``weights`` (largest remainder),
    with some noise so that profiles are not all alike. The parts always sum to ``total``."""
    if total <= 0 or not weights:
        return [0] * len(weights)
    noisy = [max(w, 0.0) * (1 + rng.uniform(-jitter, jitter)) for w in weights]
    scale = sum(noisy) or 1.0
    raw = [total * w / scale for w in noisy]
    parts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    )


def _perturb(rng: random.Random, text: str) -> str:
    """A spelling that still matches (spec §2 ignores case, accents and runs of spaces and
    punctuation): what a hand-typed cell looks like."""
    match rng.randrange(6):
        case 0:
            return text.upper()
        case 1:
            return text.lower()
        case 2:
            return f" {text} "
        case 3:
            return _strip_accents(text)
        case 4:
            return text.replace("_", " ").replace(" ", "  ")
        case _:
            return text[:1].upper() + text[1:]


# --- how each state writes ---------------------------------------------------------------
_CODE_HABITS: dict[str, tuple[dict[str, float], ...]] = {
    # label kinds: code, en, fr, es, syn (a synonym); one preset is drawn per state
    "en": (
        {"code": 0.85, "en": 0.1, "syn": 0.05},
        {"code": 0.45, "en": 0.4, "syn": 0.15},
        {"en": 0.7, "code": 0.15, "syn": 0.1, "es": 0.05},
    ),
    "fr": ({"fr": 0.6, "code": 0.3, "syn": 0.1}, {"code": 0.55, "fr": 0.35, "en": 0.1}),
    "es": ({"es": 0.65, "code": 0.25, "syn": 0.1}, {"code": 0.5, "es": 0.4, "en": 0.1}),
}
_COUNTRY_HABITS: dict[str, tuple[dict[str, float], ...]] = {
    "en": (
        {"iso3": 1.0},
        {"iso3": 0.7, "en": 0.3},
        {"en": 0.6, "alias": 0.3, "iso3": 0.1},
        {"iso2": 0.7, "iso3": 0.3},
        {"m49": 0.6, "iso3": 0.4},
    ),
    "fr": ({"fr": 0.75, "iso3": 0.25}, {"iso3": 0.6, "fr": 0.3, "m49": 0.1}),
    "es": ({"es": 0.75, "iso3": 0.25}, {"iso3": 0.5, "es": 0.4, "iso2": 0.1}),
}
_REF_FORMATS = (
    "{s}-{a}-{y}-{n:04d}",
    "{a}/{y}/{n:05d}",
    "{y}{a}{n:04d}",
    "{s}{yy:02d}-{n:04d}",
    "CASE-{y}-{n:04d}",
)
_ROUTE_SEPARATORS = (">", " > ", " → ", "→", " >")
_MULTI_SEPARATORS = (";", "|", "; ", " | ")


class Habits:
    """How one state writes its packages: vocabulary, country forms, separators, columns.

    Drawn once per state from the seed, so that a state is consistent across its packages (as
    real ones are: the same export, the same spreadsheet) while states differ from one
    another. A small share of cells deviates from the habit (``messy``): hand-typed values.
    """

    def __init__(self, state: State, seed: int, families: Sequence[Family] | None = None) -> None:
        """``families``: the routes of the region (default ``FAMILIES``); the state sees those
        it is on."""
        rng = _rng(seed, "habits", state.iso3)
        self.seed = seed
        self.state = state
        self.code_kinds = rng.choice(_CODE_HABITS[state.language])
        self.country_kinds = rng.choice(_COUNTRY_HABITS[state.language])
        self.messy = rng.choice((0.0, 0.02, 0.05, 0.1))
        self.m49_padded = rng.random() < 0.5
        seps = _ROUTE_SEPARATORS if state.charset != "cp1252" else (">", " > ", " >")
        self.route_sep = rng.choice(seps)
        self.multi_sep = rng.choice(_MULTI_SEPARATORS)
        self.ref_format = rng.choice(_REF_FORMATS)
        self.header_case = rng.choice(("lower", "lower", "upper", "title", "padded"))
        self.shuffle_columns = rng.random() < 0.25
        self.blank_zeros = rng.random() < 0.4  # leaves optional zero counts blank
        self.fee_share = rng.uniform(0.4, 0.8)
        self.legs_share = rng.uniform(0.2, 0.45)
        self.writes_action = rng.random() < 0.5
        self.writes_language = state.language != "en" or rng.random() < 0.5
        self.unlinked_profiles = rng.random() < 0.5
        self.obs_always = rng.random() < 0.3  # writes "A" rather than leaving obs_status blank
        self.be_breakdown = rng.choice(
            (("citizenship", "sex", "age_group"), ("citizenship", "sex"), ("citizenship",))
        )
        if state.ages not in ("binary", "fine"):
            # States with bands of their own (minor/adult, "65 y más") show them everywhere.
            self.be_breakdown = ("citizenship", "sex", "age_group")
        self.be_units = rng.random() < 0.4  # reports events as well as persons for crossings
        self.be_split_border = rng.random() < 0.5
        self.json_blank = rng.choice(("null", "omit", "empty"))
        self.json_indent = rng.choice((None, 1, 2))
        self.reporting_state = self._pick_kind(rng, self.country_kinds)
        self.families = [
            (f, w * rng.uniform(0.3, 1.7))
            for f, w in _state_families(state, FAMILIES if families is None else families)
        ]
        self.indicators = _choose_indicators(rng, state)
        self.citizenships = _citizenship_weights(self.families, state)
        self._vocab: dict[tuple[str, str], str] = {}
        self._country: dict[str, str] = {}
        self._columns: dict[tuple[str, str], list[str]] = {}

    @staticmethod
    def _pick_kind(rng: random.Random, kinds: dict[str, float]) -> str:
        return _weighted(rng, list(kinds.items()))

    # codes ---------------------------------------------------------------------------
    def _spelling(self, list_name: str, code: str, kind: str) -> str:
        terms = CODES[list_name][code]
        if kind == "code":
            return code
        if kind in ("en", "fr", "es"):
            return terms[("en", "fr", "es").index(kind)]
        synonyms = terms[3:]
        return synonyms[0] if synonyms else terms[0]

    def code(self, rng: random.Random, list_name: str, code: str) -> str:
        if list_name == "sex" and self.state.sex != "vocab" and code in ("male", "female"):
            text = SEX_PRESETS[self.state.sex][code]
            return _perturb(rng, text) if rng.random() < self.messy else text
        key = (list_name, code)
        if key not in self._vocab:
            # Drawn from the key itself, not in order of first use: the vocabulary does not
            # depend on which packages were built before.
            pick = _rng(self.seed, "vocabulary", self.state.iso3, list_name, code)
            self._vocab[key] = self._spelling(
                list_name, code, self._pick_kind(pick, self.code_kinds)
            )
        if rng.random() >= self.messy:
            return self._vocab[key]
        terms = (code, *CODES[list_name][code])
        return _perturb(rng, rng.choice(terms))

    def codes(self, rng: random.Random, list_name: str, codes: Iterable[str]) -> str:
        return self.multi_sep.join(self.code(rng, list_name, c) for c in codes)

    # countries -----------------------------------------------------------------------
    def country_form(self, iso3: str, kind: str) -> str:
        names = COUNTRIES[iso3]
        if kind == "iso2" and names.iso2:
            return names.iso2
        if kind == "m49" and names.m49 is not None:
            return f"{names.m49:03d}" if self.m49_padded else str(names.m49)
        if kind in ("en", "fr", "es"):
            return names.name(kind)
        if kind == "alias" and names.aliases:
            return names.aliases[0]
        if kind == "alias":
            return names.en
        return iso3

    def country(self, rng: random.Random, iso3: str) -> str:
        if iso3 not in self._country:
            pick = _rng(self.seed, "country", self.state.iso3, iso3)
            self._country[iso3] = self.country_form(iso3, self._pick_kind(pick, self.country_kinds))
        if rng.random() >= self.messy:
            return self._country[iso3]
        kind = rng.choice(("iso3", "iso2", "m49", "en", "fr", "es", "alias"))
        form = self.country_form(iso3, kind)
        return form.lower() if rng.random() < 0.3 else form

    def route(self, rng: random.Random, path: Sequence[str]) -> str:
        return self.route_sep.join(self.country(rng, c) for c in path)

    # columns -------------------------------------------------------------------------
    def columns(self, agency: Agency, table: str) -> list[str]:
        """The columns this agency sends for ``table``: the required ones, a consistent
        subset of the optional ones, in the template's order or the agency's own."""
        key = (agency.short, table)
        if key in self._columns:
            return self._columns[key]
        rng = _rng(self.seed, "columns", self.state.iso3, agency.short, table)
        keep_share = rng.uniform(0.55, 1.0)
        chosen: set[str] = set(REQUIRED[table])
        for column in COLUMNS[table]:
            if column in chosen or any(column in c for c in _COUPLED.values()):
                continue  # required, or follows the column it is coupled with
            if table == "border_events" and column in ("citizenship", "sex", "age_group"):
                keep = column in self.be_breakdown
            elif table == "border_events" and column == "obs_status":
                keep = self.state.suppress_small or self.obs_always or rng.random() < 0.5
            elif column in ("incident_ref", "sex", "age_group"):
                keep = rng.random() < 0.9
            else:
                keep = rng.random() < keep_share
            if keep:
                chosen |= {column, *_COUPLED.get(column, ())}
        ordered = [c for c in COLUMNS[table] if c in chosen]
        if self.shuffle_columns:
            rng.shuffle(ordered)
        self._columns[key] = ordered
        return ordered

    def header(self, column: str) -> str:
        match self.header_case:
            case "upper":
                return column.upper()
            case "title":
                return "_".join(w.capitalize() for w in column.split("_"))
            case "padded":
                return f" {column} "
        return column


# --- what the region's reports contain ---------------------------------------------------
def _state_families(
    state: State, families: Sequence[Family] = FAMILIES
) -> list[tuple[Family, float]]:
    """The routes a state sees: those it is the origin, a transit or the destination of.
    Destinations detect more (arrivals are where most detections happen)."""
    return [(f, 1.6 if f.path[-1] == state.iso3 else 1.0) for f in families if state.iso3 in f.path]


def _citizenship_weights(
    families: Sequence[tuple[Family, float]], state: State
) -> list[tuple[str, float]]:
    """Who a state's statistics are about: the people on its routes, citizens of the
    countries those routes come through, and a few of unknown citizenship."""
    weights: dict[str, float] = {}
    for fam, w in families:
        for iso3, share in fam.citizenships:
            weights[iso3] = weights.get(iso3, 0.0) + w * share
        # Citizens of the countries people come through, not of where they are heading.
        for member in fam.path[: fam.path.index(state.iso3)]:
            weights[member] = weights.get(member, 0.0) + w * 5
    # A state's own citizens stay in (fewer) when its routes carry them: irregular exits.
    if state.iso3 in weights:
        weights[state.iso3] *= 0.3
    weights["XXX"] = weights.get("XXX", 0.0) + sum(weights.values()) * 0.03
    return sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))


# indicator -> (border types, detection locations) that make sense for it
INDICATORS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ibc_between_bcp": (("land", "sea"), ("between_bcp",)),
    "ibc_at_bcp_clandestine": (("land", "sea"), ("at_bcp",)),
    "illegal_exit": (("land", "air", "sea"), ("at_bcp", "between_bcp")),
    "refusal_of_entry": (("air", "land", "sea"), ("at_bcp",)),
    "illegal_stay": (("none",), ("inland",)),
    "facilitator_detected": (("land", "sea", "air", "none"), ("at_bcp", "between_bcp", "inland")),
    "fraudulent_document_user": (("air", "land", "sea"), ("at_bcp", "pre_departure")),
    "return_decision": (("none",), ("inland",)),
    "effective_return": (("air", "land", "sea"), ("at_bcp",)),
}
_LAND_MIX = (
    ("ibc_between_bcp", 0.32), ("illegal_stay", 0.2), ("refusal_of_entry", 0.1),
    ("illegal_exit", 0.1), ("return_decision", 0.1), ("effective_return", 0.07),
    ("ibc_at_bcp_clandestine", 0.05), ("facilitator_detected", 0.03),
    ("fraudulent_document_user", 0.03),
)  # fmt: skip
_ISLAND_MIX = (
    ("illegal_stay", 0.35), ("refusal_of_entry", 0.28), ("return_decision", 0.12),
    ("effective_return", 0.1), ("fraudulent_document_user", 0.1), ("ibc_between_bcp", 0.03),
    ("facilitator_detected", 0.02),
)  # fmt: skip
_SMALL_LAND_BORDERS = frozenset({"SGP", "HKG", "BRN", "PNG", "TLS"})


def _choose_indicators(rng: random.Random, state: State) -> list[tuple[str, float]]:
    """The indicators a state reports: always its main ones, some of the others."""
    land = "land" in state.borders and state.iso3 not in _SMALL_LAND_BORDERS
    mix = list(_LAND_MIX if land else _ISLAND_MIX)
    keep = 3 + rng.randrange(len(mix) - 2)
    return mix[:3] + [m for m in mix[3:] if rng.random() < (keep - 3) / (len(mix) - 3)]


_COMMENTS: dict[str, tuple[str, ...]] = {
    "en": (
        "Intercepted during a routine patrol.",
        "Detected following information from a partner agency.",
        "Vessel escorted to port.",
        "Group found in a rented house awaiting onward transport.",
        "Detected at secondary inspection.",
    ),
    "fr": (
        "Interception lors d'une patrouille de routine.",
        "Détection à la suite d'informations d'un service partenaire.",
        "Groupe découvert dans un logement loué en attente du départ.",
        "Détection lors d'un contrôle approfondi.",
    ),
    "es": (
        "Interceptado durante una patrulla de rutina.",
        "Detectado a partir de información de un organismo asociado.",
        "Embarcación escoltada hasta el puerto.",
        "Grupo hallado en una vivienda alquilada a la espera del traslado.",
    ),
}
_BE_COMMENTS: dict[str, tuple[str, ...]] = {
    "en": ("Includes detections at a new border post.", "Revised methodology from this period."),
    "fr": ("Comprend les détections d'un nouveau poste-frontière.",),
    "es": ("Incluye las detecciones de un nuevo puesto fronterizo.",),
}
_NOTES: dict[str, tuple[str, ...]] = {
    "en": ("Figures compiled from national case management records.", "Provisional figures."),
    "fr": ("Chiffres issus des registres nationaux des affaires.", "Chiffres provisoires."),
    "es": ("Cifras tomadas de los registros nacionales de casos.", "Cifras provisionales."),
}
_CORRECTION_NOTES: dict[str, str] = {
    "en": "Corrected figures; replaces the earlier report for this period.",
    "fr": "Chiffres corrigés ; remplace le rapport précédent pour cette période.",
    "es": "Cifras corregidas; sustituye al informe anterior de este período.",
}
# Narrative texts by topic and language. Placeholders: route, dest, country (names in the
# package's language), lo/hi (fees in USD), pct, n. No dates, names or contact details.
_NARRATIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "routes": {
        "en": (
            "Most smuggled migrants detected in the period travelled on the {route} route.",
            "Movements towards {dest} continued; smugglers shifted departures to less "
            "patrolled stretches of the border.",
        ),
        "fr": (
            "La plupart des migrants détectés au cours de la période ont emprunté "
            "l'itinéraire {route}.",
            "Les mouvements vers la destination {dest} se poursuivent ; les passeurs "
            "déplacent les départs vers des secteurs moins surveillés.",
        ),
        "es": (
            "La mayoría de los migrantes detectados en el período siguieron la ruta {route}.",
            "Continúan los desplazamientos hacia {dest}; los traficantes trasladan las "
            "salidas a tramos menos vigilados de la frontera.",
        ),
    },
    "modus_operandi": {
        "en": (
            "Smugglers arranged journeys through messaging applications and changed vehicles "
            "close to the border.",
            "Groups were moved at night in small numbers to avoid checkpoints.",
            "Several groups used fraudulently obtained visas arranged by travel brokers.",
        ),
        "fr": (
            "Les passeurs organisent les voyages par messagerie instantanée et changent de "
            "véhicule près de la frontière.",
            "Les groupes sont déplacés de nuit, en petit nombre, pour éviter les contrôles.",
        ),
        "es": (
            "Los traficantes organizan los viajes por aplicaciones de mensajería y cambian de "
            "vehículo cerca de la frontera.",
            "Los grupos se desplazan de noche y en pequeño número para evitar los controles.",
        ),
    },
    "fees": {
        "en": (
            "Reported fees ranged from {lo} to {hi} USD per person for the full journey.",
            "Payments were mostly made in cash or through informal value transfer systems.",
        ),
        "fr": (
            "Les tarifs signalés vont de {lo} à {hi} USD par personne pour l'ensemble du trajet.",
            "Les paiements se font surtout en espèces ou par des systèmes de transfert informels.",
        ),
        "es": (
            "Las tarifas comunicadas oscilan entre {lo} y {hi} USD por persona para todo el viaje.",
            "Los pagos se hacen sobre todo en efectivo o mediante sistemas informales de "
            "transferencia.",
        ),
    },
    "profiles": {
        "en": (
            "Most smuggled migrants were adult men; minors made up about {pct} per cent of "
            "those detected.",
            "Families travelling with children were detected more often than in the previous "
            "period.",
        ),
        "fr": (
            "La plupart des migrants sont des hommes adultes ; les mineurs représentent "
            "environ {pct} pour cent des personnes détectées.",
        ),
        "es": (
            "La mayoría de los migrantes son hombres adultos; los menores representan "
            "alrededor del {pct} por ciento de las personas detectadas.",
        ),
    },
    "cooperation": {
        "en": (
            "Information on {n} cases was exchanged with the authorities of {country}.",
            "A joint operation with {country} disrupted a smuggling network active on the route.",
        ),
        "fr": (
            "Des informations sur {n} affaires ont été échangées avec les autorités "
            "partenaires ({country}).",
        ),
        "es": ("Se intercambió información sobre {n} casos con las autoridades de {country}.",),
    },
}


def _money(rng: random.Random, usd: float, currency: str) -> float | int:
    """A fee as smugglers quote it: a round sum in the currency, sometimes with cents."""
    rate, step = USD_RATES[currency]
    amount = max(step, round(usd * rate / step) * step)
    if currency in _CENTS and rng.random() < 0.12:
        return amount + rng.choice((0.5, 0.25, 0.75))
    return int(amount)


def _group_size(rng: random.Random, group: tuple[int, int]) -> int:
    low, high = group
    return low + int((high - low) * rng.random() ** 2.2)  # most groups are small


@dataclass
class Table:
    columns: list[str]
    rows: list[Row]


@dataclass(frozen=True)
class Spot:
    """Where a deliberate problem was planted, in the package's content (before encoding).

    ``table`` is a key of ``PackageSpec.tables`` ("submission" for the submission record; None
    for damage to the file itself); ``row`` the index of the data row in ``Table.rows``, or
    None when the problem is in the header (``header``) or in the table as a whole; ``column``
    the template column, or the name a non-template column was given. The writer turns a spot
    into the row as the state sees it (see ``Layout``).
    """

    table: str | None = None
    row: int | None = None
    column: str | None = None
    header: bool = False


@dataclass
class PackageSpec:
    """One package before encoding: the submission record, the tables, and how to write."""

    state: State
    agency: Agency
    period: Period
    habits: Habits
    encoding: Encoding
    submission: Row | None
    tables: dict[str, Table]  # data tables (and any unknown extra ones), in writing order
    action: str = "replace"
    # Damage done to the bytes after encoding: "truncate", "text_as_zip", "unsafe_path".
    file_mutation: str | None = None
    # Where the deliberate problem (if any) was planted.
    planted: list[Spot] = field(default_factory=list)

    @property
    def row_counts(self) -> dict[str, int]:
        counts = {"submission": 1} if self.submission is not None else {}
        return counts | {name: len(t.rows) for name, t in self.tables.items()}


@dataclass
class Build:
    """Everything one package's content depends on."""

    seed: int
    state: State
    agency: Agency
    period: Period
    habits: Habits
    scale: float
    n_incidents: int
    ref_offset: int
    force_legs: bool = False

    def rng(self, *parts: object) -> random.Random:
        return _rng(self.seed, self.state.iso3, self.agency.short, self.period.label, *parts)

    def count(self, rng: random.Random, value: int) -> int | None:
        """An optional count: some states leave zeros blank (not reported)."""
        return None if value == 0 and self.habits.blank_zeros and rng.random() < 0.8 else value


def _aggregate(rows: list[Row], columns: Sequence[str]) -> list[Row]:
    """Sum ``value`` over rows that look the same in the columns the state sends: a state
    that does not report sex sends one row where another sends two."""
    keys = [c for c in columns if c != VALUE_COLUMN]
    out: dict[tuple[Cell, ...], Row] = {}
    for row in rows:
        key = tuple(row.get(c) for c in keys)
        if key in out:
            out[key][VALUE_COLUMN] = int(out[key][VALUE_COLUMN] or 0) + int(row[VALUE_COLUMN] or 0)
        else:
            out[key] = {c: row.get(c) for c in keys} | {VALUE_COLUMN: row[VALUE_COLUMN]}
    return list(out.values())


def _detection(rng: random.Random, fam: Family, iso3: str) -> tuple[str, Leg]:
    """Where on its route a state meets an incident: stage and the leg it was on."""
    pos, last = fam.path.index(iso3), len(fam.path) - 1
    if pos == 0:
        leg = fam.legs[0]
        stage = "at_sea" if leg.mode == "sea" and rng.random() < 0.3 else "departure"
    elif pos == last:
        leg = fam.legs[-1]
        stage = _weighted(
            rng,
            (
                ("arrival", 0.6),
                ("inland", 0.3),
                ("at_sea" if leg.mode == "sea" else "arrival", 0.1),
            ),
        )
    else:
        leg = fam.legs[rng.choice((pos - 1, pos))]
        stage = "transit"
    return stage, leg


_CONCEALMENT = {
    "land": (
        ("none", 0.5),
        ("vehicle_compartment", 0.25),
        ("cargo_load", 0.2),
        ("shipping_container", 0.05),
    ),
    "sea": (("none", 0.7), ("hidden_on_vessel", 0.2), ("shipping_container", 0.1)),
    "air": (("none", 0.95), ("other", 0.05)),
}
_PAYMENT = {
    "hawala": (("hawala", 0.5), ("cash", 0.4), ("money_transfer_operator", 0.1)),
    "mobile": (
        ("mobile_money", 0.35), ("cash", 0.4), ("in_kind_or_labour", 0.1), ("bank_transfer", 0.15),
    ),
    "bank": (
        ("bank_transfer", 0.4), ("cash", 0.4), ("money_transfer_operator", 0.1),
        ("cryptocurrency", 0.1),
    ),
    "other": (
        ("cash", 0.45), ("bank_transfer", 0.25), ("money_transfer_operator", 0.2),
        ("cryptocurrency", 0.05), ("mobile_money", 0.05),
    ),
}  # fmt: skip
_PAYMENT_REGION = {
    "AFG": "hawala",
    "PAK": "hawala",
    "IRN": "hawala",
    "BGD": "mobile",
    "MMR": "mobile",
    "VNM": "bank",
    "CHN": "bank",
    # Origins of the benchmark sets' routes only (bench/scale.py).
    "SYR": "hawala",
    "IRQ": "hawala",
    "SOM": "hawala",
    "ETH": "hawala",
    "ERI": "hawala",
    "SDN": "hawala",
    "NGA": "mobile",
    "SEN": "mobile",
    "GIN": "mobile",
    "KEN": "mobile",
}


def _incident_ref(build: Build, n: int) -> str:
    return build.habits.ref_format.format(
        s=build.state.iso3,
        a=build.agency.short.replace("-", ""),
        y=build.period.year,
        yy=build.period.year % 100,
        n=n,
    )


def _incident(
    build: Build, rng: random.Random, ref: str, fam: Family, with_legs: bool
) -> dict[str, list[Row]]:
    """One incident and the rows that hang off it (legs, migrant and smuggler profiles)."""
    st, h, period = build.state, build.habits, build.period
    stage, leg = _detection(rng, fam, st.iso3)
    total = max(1, _group_size(rng, fam.group))
    scheme = AGE_SCHEMES[st.ages]

    # Profiles first: the incident's minors and unaccompanied minors follow from them.
    profiles: list[Row] = []
    uam_total = minors_total = 0
    uam_share = rng.uniform(0.2, 0.7)
    cits = split_count(rng, total, [w for _, w in fam.citizenships])
    for (cit, _), n_cit in zip(fam.citizenships, cits, strict=True):
        for sex, n_sex in zip(
            ("male", "female"), split_count(rng, n_cit, [fam.male, 1 - fam.male]), strict=True
        ):
            ages = split_count(rng, n_sex, age_weights(scheme, fam.minors))
            for band, n_age in zip(scheme, ages, strict=True):
                if n_age == 0:
                    continue
                base = {
                    "incident_ref": ref,
                    "citizenship": h.country(rng, cit),
                    "sex": h.code(rng, "sex", sex),
                    "age_group": band.label,
                    "unaccompanied": None,
                }
                if band.minor:
                    minors_total += n_age
                    alone, accompanied = split_count(rng, n_age, [uam_share, 1 - uam_share])
                    uam_total += alone
                    for flag, n in (("yes", alone), ("no", accompanied)):
                        if n:
                            profiles.append(
                                base | {"unaccompanied": h.code(rng, "yes_no", flag), "value": n}
                            )
                else:
                    profiles.append(base | {"value": n_age})

    deceased = missing = injured = 0
    if (fam.has_sea or leg.mode == "sea") and rng.random() < 0.06:
        deceased = rng.randint(0, max(0, total // 3))
        missing = rng.randint(0, max(0, (total - deceased) // 3))
    if rng.random() < 0.05:
        injured = rng.randint(1, max(1, total // 4))
    crew = {"sea": (1, 5), "land": (1, 3), "air": (1, 2)}[leg.mode]
    n_smugglers = 0 if rng.random() < 0.5 else rng.randint(*crew)

    concealment = _weighted(rng, _CONCEALMENT[leg.mode])
    row: Row = {
        "incident_ref": ref,
        "detection_date": period.start + timedelta(days=rng.randrange(period.days)),
        "detection_stage": h.code(rng, "detection_stage", stage),
        "detection_country": h.country(rng, st.iso3) if rng.random() < 0.2 else None,
        "detection_place": rng.choice(st.places) if st.places and rng.random() < 0.7 else None,
        "route": h.route(rng, fam.path),
        "transport_mode": h.code(
            rng,
            "transport_mode",
            leg.mode if fam.mode == "mixed" and rng.random() < 0.3 else fam.mode,
        ),
        "conveyance": h.code(rng, "conveyance", rng.choice(leg.conveyances))
        if rng.random() < 0.9
        else None,
        "concealment": h.code(rng, "concealment", concealment) if rng.random() < 0.8 else None,
        "migrants_total": total,
        "migrants_deceased": build.count(rng, deceased),
        "migrants_missing": build.count(rng, missing),
        "migrants_injured": build.count(rng, injured),
        "unaccompanied_minors": build.count(rng, uam_total),
        "smugglers_detected": build.count(rng, n_smugglers),
    }
    if rng.random() < h.fee_share:
        usd = rng.uniform(*fam.fee_usd)
        basis = "per_person_full_journey"
        if fam.path[-1] != st.iso3 and fam.path[0] != st.iso3 and rng.random() < 0.3:
            basis, usd = "per_leg", usd * 0.35
        currency = "USD" if rng.random() < st.usd_fees else st.currency
        row |= {
            "fee_per_migrant": _money(rng, usd, currency),
            "fee_currency": currency,
            "fee_basis": h.code(rng, "fee_basis", basis) if rng.random() < 0.8 else None,
            "payment_method": h.code(
                rng,
                "payment_method",
                _weighted(rng, _PAYMENT[_PAYMENT_REGION.get(fam.path[0], "other")]),
            ),
            "payment_timing": h.code(
                rng,
                "payment_timing",
                _weighted(
                    rng,
                    (
                        ("upfront", 0.35),
                        ("instalments", 0.3),
                        ("on_arrival", 0.15),
                        ("guarantor", 0.15),
                        ("unknown", 0.05),
                    ),
                ),
            ),
        }
    if rng.random() < 0.3:
        pool = (
            ["document_fraud", "corruption", "money_laundering"]
            if fam.mode == "air"
            else [
                "corruption",
                "trafficking_in_persons",
                "kidnapping_extortion",
                "violence_against_migrants",
                "money_laundering",
                "document_fraud",
            ]
        )
        row["related_offences"] = h.codes(
            rng, "related_offence", rng.sample(pool, rng.randint(1, 2))
        )
    if rng.random() < 0.45:
        pool = ["messaging_app", "social_media", "online_advertising", "cryptocurrency"]
        if fam.has_sea:
            pool.append("satellite_or_mobile_navigation")
        row["technology"] = h.codes(rng, "technology", rng.sample(pool, rng.randint(1, 3)))
    aggravating = []
    if (leg.mode == "sea" and (total > 40 or rng.random() < 0.3)) or concealment in (
        "vehicle_compartment",
        "shipping_container",
    ):
        aggravating.append("danger_to_life")
    if deceased:
        aggravating.append("death_of_migrants")
    if minors_total and rng.random() < 0.5:
        aggravating.append("minors_involved")
    if rng.random() < 0.03:
        aggravating.append(rng.choice(("inhuman_or_degrading_treatment", "exploitation")))
    if aggravating or rng.random() < 0.2:
        row["aggravating"] = h.codes(rng, "aggravating", aggravating or ["none"])
    if rng.random() < 0.08:
        row["comment"] = rng.choice(_COMMENTS[st.language])

    legs: list[Row] = []
    if with_legs:
        for i, (a, b) in enumerate(itertools.pairwise(fam.path)):
            legs.append(
                {
                    "incident_ref": ref,
                    "leg_seq": i + 1,
                    "from_country": h.country(rng, a),
                    "to_country": h.country(rng, b),
                    "transport_mode": h.code(rng, "transport_mode", fam.legs[i].mode),
                    "conveyance": h.code(rng, "conveyance", rng.choice(fam.legs[i].conveyances)),
                }
            )

    smugglers: list[Row] = []
    roles = {
        "sea": ("boat_captain_crew", "organiser"),
        "land": ("transporter_driver", "guide", "organiser"),
        "air": ("document_provider", "travel_agent_broker"),
    }[leg.mode]
    structure = _weighted(
        rng,
        (
            ("loose_network", 0.5),
            ("structured_organisation", 0.2),
            ("individual", 0.15),
            ("unknown", 0.15),
        ),
    )
    for _ in range(n_smugglers):
        who = _weighted(rng, ((st.iso3, 0.4), (fam.path[0], 0.35), (rng.choice(fam.path), 0.25)))
        smugglers.append(
            {
                "incident_ref": ref,
                "citizenship": h.country(rng, who),
                "sex": h.code(rng, "sex", "male" if rng.random() < 0.92 else "female"),
                "age_group": _smuggler_age(rng, scheme),
                "role": h.code(rng, "role", roles[0] if rng.random() < 0.7 else rng.choice(roles)),
                "justice_stage": h.code(
                    rng,
                    "justice_stage",
                    _weighted(
                        rng,
                        (
                            ("arrested", 0.55),
                            ("detected_suspected", 0.25),
                            ("prosecuted", 0.15),
                            ("convicted", 0.05),
                        ),
                    ),
                ),
                "group_structure": h.code(rng, "group_structure", structure),
                "value": 1,
            }
        )
    return {
        "incidents": [row],
        "route_legs": legs,
        "smuggled_migrants": profiles,
        "smugglers": smugglers,
    }


def _smuggler_age(rng: random.Random, scheme: Sequence[AgeBand]) -> str:
    bands = [b for b in scheme if not b.minor]
    return rng.choices(bands, weights=age_weights(bands, 0.0, smugglers=True))[0].label


def _incident_tables(
    build: Build, n: int, first_seq: int, *, stream: str = "incidents"
) -> dict[str, list[Row]]:
    rng = build.rng(stream)
    families = build.habits.families
    long_routes = [(f, w) for f, w in families if len(f.path) >= 3]
    out: dict[str, list[Row]] = {
        "incidents": [],
        "route_legs": [],
        "smuggled_migrants": [],
        "smugglers": [],
    }
    for i in range(n):
        forced = build.force_legs and i == 0 and bool(long_routes)
        fam = _weighted(rng, long_routes if forced else families)
        with_legs = forced or rng.random() < build.habits.legs_share
        for table, rows in _incident(
            build, rng, _incident_ref(build, first_seq + i), fam, with_legs
        ).items():
            out[table] += rows
    return out


def _unlinked_profiles(build: Build) -> tuple[list[Row], list[Row]]:
    """Profile rows with no incident: migrants and facilitators the state counts without an
    incident record (e.g. convictions in the period for earlier cases)."""
    rng, h, st = build.rng("unlinked"), build.habits, build.state
    scheme = AGE_SCHEMES[st.ages]
    migrants: list[Row] = []
    smugglers: list[Row] = []
    if not h.unlinked_profiles:
        return migrants, smugglers
    for iso3, _ in h.citizenships[: rng.randint(1, 4)]:
        band = rng.choices(scheme, weights=age_weights(scheme, 0.1))[0]
        migrants.append(
            {
                "citizenship": h.country(rng, iso3),
                "sex": h.code(rng, "sex", "male"),
                "age_group": band.label,
                "value": rng.randint(1, 40),
            }
        )
    for _ in range(rng.randint(0, 4)):
        smugglers.append(
            {
                "citizenship": h.country(
                    rng, _weighted(rng, ((st.iso3, 0.6), (h.citizenships[0][0], 0.4)))
                ),
                "sex": h.code(rng, "sex", "male"),
                "age_group": _smuggler_age(rng, scheme),
                "role": h.code(
                    rng,
                    "role",
                    rng.choice(
                        (
                            "organiser",
                            "transporter_driver",
                            "money_handler",
                            "recruiter_intermediary",
                            "harbourer_accommodation",
                        )
                    ),
                ),
                "justice_stage": h.code(
                    rng,
                    "justice_stage",
                    _weighted(rng, (("convicted", 0.6), ("prosecuted", 0.3), ("acquitted", 0.1))),
                ),
                "group_structure": h.code(rng, "group_structure", "structured_organisation"),
                "value": rng.randint(1, 12),
            }
        )
    return migrants, smugglers


def _border_events(build: Build) -> list[Row]:
    rng, h, st, period = build.rng("border_events"), build.habits, build.state, build.period
    scheme = AGE_SCHEMES[st.ages]
    dims = h.be_breakdown
    k_cit = {1: 7, 2: 5, 3: 3}[len(dims)]
    top = h.citizenships[:k_cit]
    rows: list[Row] = []
    for indicator, share in h.indicators:
        total = _poisson(
            rng,
            build.agency.border
            * period.months
            * TREND[period.year]
            * share
            * rng.uniform(0.7, 1.3),
        )
        units = [("person", total)]
        if h.be_units and indicator in (
            "ibc_between_bcp",
            "ibc_at_bcp_clandestine",
            "illegal_exit",
        ):
            units.append(("event", round(total / rng.uniform(1.5, 6))))
        border_types, locations = INDICATORS[indicator]
        allowed = [b for b in border_types if b in st.borders or b == "none"] or [border_types[0]]
        for unit, unit_total in units:
            split_border = h.be_split_border and len(dims) < 3 and len(allowed) > 1
            by_border = (
                split_count(rng, unit_total, [1.0] * len(allowed)) if split_border else [unit_total]
            )
            for border, n_border in zip(
                allowed if split_border else allowed[:1], by_border, strict=True
            ):
                base: Row = {
                    "indicator": h.code(rng, "indicator", indicator),
                    "counting_unit": h.code(rng, "counting_unit", unit),
                    "border_type": h.code(rng, "border_type", border),
                    "detection_location": h.code(rng, "detection_location", rng.choice(locations)),
                }
                for (cit, _), n_cit in zip(
                    top, split_count(rng, n_border, [w for _, w in top]), strict=True
                ):
                    cells: list[tuple[Row, int]] = [
                        (base | {"citizenship": h.country(rng, cit)}, n_cit)
                    ]
                    if "sex" in dims and unit == "person":
                        cells = [
                            (r | {"sex": h.code(rng, "sex", s)}, n)
                            for r, v in cells
                            for s, n in zip(
                                ("male", "female"), split_count(rng, v, [0.7, 0.3]), strict=True
                            )
                        ]
                    if "age_group" in dims and unit == "person":
                        weights = age_weights(scheme, 0.12)
                        cells = [
                            (r | {"age_group": b.label}, n)
                            for r, v in cells
                            for b, n in zip(scheme, split_count(rng, v, weights), strict=True)
                        ]
                    rows += [r | {"value": n} for r, n in cells if n > 0 or rng.random() < 0.3]
    return rows


def _finish_border_events(build: Build, rows: list[Row]) -> list[Row]:
    """Observation status after aggregation: suppression applies to the cells sent."""
    rng, h, st = build.rng("obs_status"), build.habits, build.state
    provisional = build.period.year == YEARS[-1] and rng.random() < 0.5
    for row in rows:
        value = row["value"]
        status: str | None = None
        if st.suppress_small and isinstance(value, int) and 0 < value < 5:
            status, row["value"] = "Q", None
        elif provisional:
            status = "P"
        elif rng.random() < 0.01:
            status = "E"
        elif h.obs_always:
            status = "A"
        row["obs_status"] = h.code(rng, "obs_status", status) if status else None
        if rng.random() < 0.01:
            row["comment"] = rng.choice(_BE_COMMENTS[st.language])
    return rows


_DESTINATION_ISSUERS = ("AUS", "NZL", "JPN", "KOR", "SGP", "GBR", "USA", "CAN", "MYS", "ARE")


def _fraudulent_documents(build: Build) -> list[Row]:
    rng, h, st = build.rng("fraudulent_documents"), build.habits, build.state
    rows: list[Row] = []
    for _ in range(rng.randint(2, 4 + 2 * build.period.months)):
        holder = _weighted(rng, h.citizenships[:8])
        doc = _weighted(
            rng,
            (
                ("passport", 0.5),
                ("visa", 0.2),
                ("id_card", 0.08),
                ("residence_permit", 0.08),
                ("entry_exit_stamp", 0.07),
                ("supporting_document", 0.04),
                ("civil_status_document", 0.03),
            ),
        )
        fraud = _weighted(
            rng,
            (
                ("forged_altered", 0.35),
                ("counterfeit", 0.25),
                ("impostor", 0.2),
                ("fraudulently_obtained_genuine", 0.1),
                ("stolen_blank", 0.05),
                ("pseudo_document", 0.05),
            ),
        )
        if fraud == "pseudo_document":
            doc = rng.choice(("passport", "id_card"))
            issuer = rng.choice(("none", "none", "None"))
        elif doc in ("visa", "residence_permit", "entry_exit_stamp") or fraud == "impostor":
            issuer = h.country(
                rng, st.iso3 if rng.random() < 0.5 else rng.choice(_DESTINATION_ISSUERS)
            )
        else:
            issuer = h.country(rng, holder)
        rows.append(
            {
                "document_type": h.code(rng, "document_type", doc),
                "fraud_type": h.code(rng, "fraud_type", fraud),
                "issuing_country": issuer,
                "holder_citizenship": h.country(rng, holder),
                "border_type": h.code(
                    rng, "border_type", "air" if rng.random() < 0.8 else rng.choice(st.borders)
                ),
                "detection_location": h.code(
                    rng,
                    "detection_location",
                    _weighted(rng, (("at_bcp", 0.7), ("pre_departure", 0.2), ("inland", 0.1))),
                ),
                "value": 1 + _poisson(rng, 2),
            }
        )
    return rows


def _counterparts(build: Build) -> list[str]:
    near = {m for f, _ in build.habits.families for m in f.path if m != build.state.iso3}
    return [*sorted(near), "GBR", "USA"]


def _cooperation(build: Build) -> list[Row]:
    rng, h = build.rng("cooperation"), build.habits
    rows: list[Row] = []
    for _ in range(rng.randint(1, 6)):
        rows.append(
            {
                "request_type": h.code(
                    rng,
                    "request_type",
                    _weighted(
                        rng,
                        (
                            ("information_exchange", 0.45),
                            ("mla_request", 0.15),
                            ("joint_investigation", 0.1),
                            ("liaison_officer", 0.1),
                            ("extradition_request", 0.05),
                            ("asset_recovery", 0.05),
                            ("other", 0.1),
                        ),
                    ),
                ),
                "direction": h.code(rng, "direction", rng.choice(("sent", "received"))),
                "counterpart_state": h.country(rng, rng.choice(_counterparts(build))),
                "outcome": h.code(
                    rng,
                    "request_outcome",
                    _weighted(
                        rng,
                        (
                            ("pending", 0.35),
                            ("granted", 0.4),
                            ("refused", 0.1),
                            ("withdrawn", 0.05),
                            ("unknown", 0.1),
                        ),
                    ),
                ),
                "value": 1 + _poisson(rng, 1.5),
            }
        )
    return rows


def _thousands(amount: int, language: str) -> str:
    text = f"{amount:,}"
    return {"en": text, "fr": text.replace(",", " "), "es": text.replace(",", ".")}[language]


def _narrative(build: Build) -> list[Row]:
    rng, h, st = build.rng("narrative"), build.habits, build.state
    lang = st.language
    fam = _weighted(rng, h.families)
    names = [COUNTRIES[c].prose(lang) for c in fam.path]
    lo, hi = fam.fee_usd
    fields = {
        "route": " > ".join(names),
        "dest": names[-1],
        "country": COUNTRIES[rng.choice(_counterparts(build))].prose(lang),
        "lo": _thousands(lo, lang),
        "hi": _thousands(hi, lang),
        "pct": rng.randint(5, 30),
        "n": rng.randint(2, 25),
    }
    topics = rng.sample(sorted(_NARRATIVES), rng.randint(1, 3))
    return [
        {
            "topic": h.code(rng, "narrative_topic", t),
            "text": rng.choice(_NARRATIVES[t][lang]).format(**fields),
        }
        for t in topics
    ]


def _submission(build: Build, *, action: str = "replace", notes: str | None = None) -> Row:
    rng, h, st, agency = build.rng("submission"), build.habits, build.state, build.agency
    record: Row = {
        "reporting_state": h.country_form(st.iso3, h.reporting_state),
        "reporting_agency": agency.name,
        "agency_type": h.code(rng, "agency_type", agency.agency_type)
        if rng.random() < 0.8
        else None,
        "period": build.period.label,
        "action": h.code(rng, "action", action) if action == "delete" or h.writes_action else None,
        "template_version": TEMPLATE_VERSION,
        "language": st.language if h.writes_language else None,
        "date_format": st.date_format if st.date_format != "YYYY-MM-DD" else None,
        "benefit_required": h.code(rng, "yes_no", st.benefit_required),
        "stay_facilitation_criminalised": h.code(rng, "yes_no", st.stay_criminalised)
        if rng.random() < 0.8
        else None,
        "notes": notes
        if notes is not None
        else (rng.choice(_NOTES[st.language]) if rng.random() < 0.3 else None),
    }
    return {k: v for k, v in record.items() if v is not None}


_PROFILE_TABLES = frozenset(
    {"border_events", "smuggled_migrants", "smugglers", "fraudulent_documents", "cooperation"}
)


def _revise(build: Build, data: dict[str, list[Row]]) -> None:
    """A corrected report: late-registered incidents, migrants found after the first count,
    revised border figures. Profiles are kept consistent with the new totals."""
    rng = build.rng("revision")
    if "incidents" in data:
        late = _incident_tables(build, rng.randint(1, 3), 9001, stream="late")
        for table, rows in late.items():
            data[table] += rows
        for incident in rng.sample(data["incidents"], min(2, len(data["incidents"]))):
            found = rng.randint(1, 4)
            adults = [
                r
                for r in data["smuggled_migrants"]
                if r.get("incident_ref") == incident["incident_ref"]
                and r.get("unaccompanied") is None
            ]
            if adults:
                incident["migrants_total"] = int(incident["migrants_total"] or 0) + found
                adults[0]["value"] = int(adults[0]["value"] or 0) + found
    for row in data.get("border_events", []):
        if isinstance(row["value"], int) and row["value"] > 10 and rng.random() < 0.15:
            row["value"] = round(row["value"] * rng.uniform(0.85, 1.15))


def build_package(build: Build, *, revision: int = 0, action: str = "replace") -> PackageSpec:
    """The content of one package (before encoding). Pure: the same ``build`` gives the same
    package; ``revision`` > 0 gives the corrected version a state sends later."""
    state, agency, h = build.state, build.agency, build.habits
    encoding = agency.encoding or state.encoding
    notes = _CORRECTION_NOTES[state.language] if revision else None
    submission = _submission(build, action=action, notes=notes)
    if action == "delete":
        return PackageSpec(state, agency, build.period, h, encoding, submission, {}, action)
    data: dict[str, list[Row]] = {}
    if "incidents" in agency.tables:
        data |= _incident_tables(build, build.n_incidents, build.ref_offset + 1)
        migrants, smugglers = _unlinked_profiles(build)
        data["smuggled_migrants"] += migrants
        data["smugglers"] += smugglers
    builders: dict[str, Callable[[Build], list[Row]]] = {
        "border_events": _border_events,
        "fraudulent_documents": _fraudulent_documents,
        "cooperation": _cooperation,
        "narrative": _narrative,
    }
    for name, builder in builders.items():
        if name in agency.tables:
            data[name] = builder(build)
    if revision:
        _revise(build, data)
    tables: dict[str, Table] = {}
    for name in DATA_TABLES:
        if name not in agency.tables:
            continue
        columns = h.columns(agency, name)
        rows = data.get(name, [])
        if name in _PROFILE_TABLES:
            rows = _aggregate(rows, columns)
        if name == "border_events":
            rows = _finish_border_events(build, rows)
        tables[name] = Table(list(columns), rows)
    return PackageSpec(state, agency, build.period, h, encoding, submission, tables, action)


# --- encodings ---------------------------------------------------------------------------
_DATE_FORMATS = {"YYYY-MM-DD": "%Y-%m-%d", "DD/MM/YYYY": "%d/%m/%Y", "MM/DD/YYYY": "%m/%d/%Y"}


def _date_text(day: date, date_format: str) -> str:
    return day.strftime(_DATE_FORMATS[date_format])


def _number_text(value: int | float, *, decimal_comma: bool = False) -> str:
    if isinstance(value, int):
        return str(value)
    text = f"{value:.2f}" if round(value, 2) == value else repr(value)
    return text.replace(".", ",") if decimal_comma else text


def _cell_text(value: Cell, state: State, *, decimal_comma: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return _date_text(value, state.date_format)
    if isinstance(value, int | float):
        return _number_text(value, decimal_comma=decimal_comma)
    return value


@dataclass
class Layout:
    """Where a written package put each table, as the state (and the validator) sees it: the
    table's name in the file, the row of its header, and the row of each of its data rows.

    Rows are spreadsheet rows in a workbook (header on row 1, so data from row 2), the physical
    line a record starts on in a CSV file (header on line 1; a quoted value with line breaks
    pushes the following records down), the 0-based array index in JSON (which has no header
    row: None).
    """

    origins: dict[str, str] = field(default_factory=dict)
    header_rows: dict[str, int | None] = field(default_factory=dict)
    rows: dict[str, list[int]] = field(default_factory=dict)

    def add(self, table: str, origin: str, header_row: int | None, rows: list[int]) -> None:
        self.origins[table] = origin
        self.header_rows[table] = header_row
        self.rows[table] = rows


def _xlsx_bytes(spec: PackageSpec, layout: Layout) -> bytes:
    state, h = spec.state, spec.habits
    buf = io.BytesIO()
    # Only write_string/write_number/write_datetime are used, so xlsxwriter never guesses a
    # type; the options are a second guard against text turning into formulas or links.
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    workbook = xlsxwriter.Workbook(buf, options)
    workbook.set_properties({"created": WORKBOOK_CREATED})
    day_format = workbook.add_format(
        {"num_format": "dd/mm/yyyy" if state.date_format == "DD/MM/YYYY" else "yyyy-mm-dd"}
    )
    bold = workbook.add_format({"bold": True})

    def cell(sheet: Any, r: int, c: int, value: Cell) -> None:
        if value is None or value == "":
            return
        if isinstance(value, date):
            if state.native_dates:
                sheet.write_datetime(r, c, datetime(value.year, value.month, value.day), day_format)
            else:
                sheet.write_string(r, c, _date_text(value, state.date_format))
        elif isinstance(value, int | float):
            sheet.write_number(r, c, value)
        else:
            sheet.write_string(r, c, value)

    if spec.submission is not None:
        sheet = workbook.add_worksheet("submission")
        sheet.write_string(0, 0, "field", bold)
        sheet.write_string(0, 1, "value", bold)
        for r, (name, value) in enumerate(spec.submission.items(), start=1):
            sheet.write_string(r, 0, name)
            cell(sheet, r, 1, value if not isinstance(value, int | float) else _number_text(value))
        sheet.set_column(0, 1, 28)
    for name, table in spec.tables.items():
        sheet = workbook.add_worksheet(name[:31])
        for c, column in enumerate(table.columns):
            sheet.write_string(0, c, h.header(column), bold)
        for r, row in enumerate(table.rows, start=1):
            for c, column in enumerate(table.columns):
                cell(sheet, r, c, row.get(column))
        # 0-based r is spreadsheet row r + 1; a row left blank keeps its number (and the rows
        # after it keep theirs), so data row i is always on row i + 2.
        layout.add(name, name[:31], 1, [i + 2 for i in range(len(table.rows))])
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, max(0, len(table.columns) - 1), 16)
    workbook.close()
    return buf.getvalue()


def _encode(text: str, charset: str) -> bytes:
    if charset == "utf-16":
        # Little-endian with its BOM, spelled out so the bytes do not depend on the platform.
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(charset)  # strict: a cp1252 state must never be given an unencodable text


def _csv_text(header: Sequence[str], rows: Iterable[Sequence[str]], delimiter: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _csv_text_and_lines(
    header: Sequence[str], rows: Iterable[Sequence[str]], delimiter: str
) -> tuple[str, list[int]]:
    """The same text as ``_csv_text``, and the physical line each data record starts on (the
    header is line 1; a record whose quoted values hold line breaks spans several lines)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    chunks: list[str] = []
    starts: list[int] = []
    line = 1
    for i, record in enumerate(itertools.chain([header], rows)):
        buf.seek(0)
        buf.truncate()
        writer.writerow(record)
        chunk = buf.getvalue()
        if i:
            starts.append(line)
        line += chunk.count("\n")  # CRLF ends a line; so does a bare LF inside quotes
        chunks.append(chunk)
    return "".join(chunks), starts


def _zip_bytes(members: Sequence[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_ENTRY_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # as on Unix whatever the platform: same bytes everywhere
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buf.getvalue()


def _csv_members(spec: PackageSpec, layout: Layout) -> list[tuple[str, bytes]]:
    state, h = spec.state, spec.habits
    comma = state.delimiter == ";"
    members: list[tuple[str, bytes]] = []
    if spec.submission is not None:
        rows = [[k, _cell_text(v, state)] for k, v in spec.submission.items()]
        members.append(
            (
                "submission.csv",
                _encode(_csv_text(["field", "value"], rows, state.delimiter), state.charset),
            )
        )
    for name, table in spec.tables.items():
        rows = [
            [_cell_text(row.get(c), state, decimal_comma=comma) for c in table.columns]
            for row in table.rows
        ]
        text, lines = _csv_text_and_lines(
            [h.header(c) for c in table.columns], rows, state.delimiter
        )
        members.append((f"{name}.csv", _encode(text, state.charset)))
        layout.add(name, f"{name}.csv", 1, lines)
    return members


def _json_bytes(spec: PackageSpec, layout: Layout) -> bytes:
    state, h = spec.state, spec.habits

    def value(v: Cell) -> Any:
        if isinstance(v, date):
            return _date_text(v, state.date_format)
        if isinstance(v, int | float) and not state.json_numbers:
            return _number_text(v)
        return v

    blank: Any = {"null": None, "empty": ""}.get(h.json_blank)
    document: dict[str, Any] = {}
    if spec.submission is not None:
        document["submission"] = {k: value(v) for k, v in spec.submission.items()}
    for name, table in spec.tables.items():
        rows = []
        for row in table.rows:
            record: dict[str, Any] = {}
            for column in table.columns:
                v = value(row.get(column))
                if v is None and h.json_blank == "omit":
                    continue
                record[column] = blank if v is None else v
            rows.append(record)
        document[name] = rows
        layout.add(name, name, None, list(range(len(rows))))
    return json.dumps(document, ensure_ascii=False, indent=h.json_indent).encode("utf-8")


def package_bytes(spec: PackageSpec, encoding: Encoding | None = None) -> bytes:
    """The package as a state would send it, including any deliberate damage."""
    return encode_package(spec, encoding)[0]


def encode_package(spec: PackageSpec, encoding: Encoding | None = None) -> tuple[bytes, Layout]:
    """The package's bytes, and where they put each table's rows (empty for a file that is not
    the package it claims to be)."""
    encoding = encoding or spec.encoding
    layout = Layout()
    if spec.file_mutation == "text_as_zip":
        # A "zip" that is really the incidents table saved as text.
        table = spec.tables.get("incidents") or next(iter(spec.tables.values()))
        rows = [[_cell_text(r.get(c), spec.state) for c in table.columns] for r in table.rows]
        return _csv_text(table.columns, rows, ",").encode("utf-8"), layout
    if encoding == "xlsx":
        data = _xlsx_bytes(spec, layout)
    elif encoding == "csv_zip":
        members = _csv_members(spec, layout)
        if spec.file_mutation == "unsafe_path":
            members.append(
                ("../evil.csv", b"indicator,counting_unit,value\r\nillegal_stay,person,1\r\n")
            )
        data = _zip_bytes(members)
    else:
        data = _json_bytes(spec, layout)
    if spec.file_mutation == "truncate":
        data = data[: len(data) * 3 // 5]
    return data, layout


def write_package(spec: PackageSpec, path: Path, encoding: Encoding | None = None) -> Path:
    """Write one package; ``encoding`` overrides the state's usual one."""
    path.write_bytes(package_bytes(spec, encoding))
    return path


# --- deliberate problems -----------------------------------------------------------------
Mutation = Callable[[PackageSpec, random.Random], None]


def _table(spec: PackageSpec, name: str) -> Table:
    table = spec.tables.get(name)
    if table is None or not table.rows:
        raise ValueError(f"{spec.state.iso3} {spec.period.label}: no {name} rows to damage")
    return table


def _ensure_column(table: Table, column: str, after: str) -> None:
    if column not in table.columns:
        table.columns.insert(
            table.columns.index(after) + 1 if after in table.columns else len(table.columns), column
        )


def _plant(
    spec: PackageSpec,
    table: str | None,
    row: Row | None = None,
    column: str | None = None,
    *,
    header: bool = False,
) -> None:
    """Record where a problem was planted: ``row`` is the changed row itself (its index is
    looked up by identity, so equal-looking rows cannot be confused)."""
    index = None
    if row is not None and table is not None:
        index = next(i for i, r in enumerate(spec.tables[table].rows) if r is row)
    spec.planted.append(Spot(table, index, column, header))


def _legs_by_ref(spec: PackageSpec) -> dict[Cell, list[Row]]:
    out: dict[Cell, list[Row]] = {}
    for leg in spec.tables.get("route_legs", Table([], [])).rows:
        out.setdefault(leg["incident_ref"], []).append(leg)
    return out


def _negative_count(spec: PackageSpec, rng: random.Random) -> None:
    rows = [
        r
        for r in _table(spec, "border_events").rows
        if isinstance(r["value"], int) and r["value"] > 0
    ]
    value = -rng.randint(1, 30)  # drawn before the row, as it always was
    row = rng.choice(rows)
    row["value"] = value
    _plant(spec, "border_events", row, "value")


def _fractional_count(spec: PackageSpec, rng: random.Random) -> None:
    row = rng.choice(_table(spec, "smuggled_migrants").rows)
    row["value"] = int(row["value"] or 0) + 0.5
    _plant(spec, "smuggled_migrants", row, "value")


def _deceased_missing(spec: PackageSpec, rng: random.Random) -> None:
    table = _table(spec, "incidents")
    row = rng.choice([r for r in table.rows if int(r["migrants_total"] or 0) >= 2])
    total = int(row["migrants_total"] or 0)
    # Each within the total (so only the combined rule fails), together one more than it.
    row["migrants_deceased"] = total // 2 + 1
    row["migrants_missing"] = total - total // 2
    _ensure_column(table, "migrants_deceased", "migrants_total")
    _ensure_column(table, "migrants_missing", "migrants_deceased")
    # The rule compares the two with the total: it is reported on the total.
    _plant(spec, "incidents", row, "migrants_total")


def _duplicate_ref(spec: PackageSpec, rng: random.Random) -> None:
    rows = _table(spec, "incidents").rows
    first, second = rng.sample(range(len(rows)), 2)
    old, new = rows[second]["incident_ref"], rows[first]["incident_ref"]
    for table in spec.tables.values():  # a typo in the reference, carried to its other rows
        for row in table.rows:
            if "incident_ref" in row and row["incident_ref"] == old:
                row["incident_ref"] = new
    # Both rows now carry the reference: each is reported.
    for i in sorted((first, second)):
        _plant(spec, "incidents", rows[i], "incident_ref")


def _incident_without_legs(spec: PackageSpec, rng: random.Random) -> Row:
    legs = _legs_by_ref(spec)
    rows = _table(spec, "incidents").rows
    free = [r for r in rows if r["incident_ref"] not in legs]
    if free:
        return rng.choice(free)
    row = rng.choice(rows)
    spec.tables["route_legs"].rows = [
        r for r in spec.tables["route_legs"].rows if r["incident_ref"] != row["incident_ref"]
    ]
    return row


def _route_too_short(spec: PackageSpec, rng: random.Random) -> None:
    row = _incident_without_legs(spec, rng)
    sep = spec.habits.route_sep.strip()
    row["route"] = str(row["route"]).split(sep)[0].strip()
    _plant(spec, "incidents", row, "route")


def _route_unknown_country(spec: PackageSpec, rng: random.Random) -> None:
    row = _incident_without_legs(spec, rng)
    sep = spec.habits.route_sep
    first, rest = str(row["route"]).split(sep.strip(), 1)
    row["route"] = f"{first.strip()}{sep}Atlantis{sep}{rest.strip()}"
    _plant(spec, "incidents", row, "route")


def _legs_not_chained(spec: PackageSpec, rng: random.Random) -> None:
    chains = [legs for legs in _legs_by_ref(spec).values() if len(legs) >= 2]
    legs = rng.choice(chains)
    # The second leg starts somewhere the first did not end; origin and destination stay.
    legs[1]["from_country"] = spec.habits.country(rng, "GBR")
    _plant(spec, "route_legs", legs[1], "from_country")


def _pseudo_document(spec: PackageSpec, rng: random.Random) -> None:
    row = rng.choice(_table(spec, "fraudulent_documents").rows)
    row["fraud_type"] = spec.habits.code(rng, "fraud_type", "counterfeit")
    row["issuing_country"] = "none"
    _plant(spec, "fraudulent_documents", row, "issuing_country")


def _passport_column(spec: PackageSpec, rng: random.Random) -> None:
    table = _table(spec, "smuggled_migrants")
    _ensure_column(table, "passport_number", "citizenship")
    for row in table.rows:  # synthetic numbers: no such documents exist
        row["passport_number"] = f"X{rng.randrange(10**6, 10**7)}"
    _plant(spec, "smuggled_migrants", None, "passport_number", header=True)


_EMAIL = {
    "en": " Contact the national focal point at focal.point@immigration.example.org for details.",
    "fr": " Pour plus de détails : point.focal@immigration.example.org.",
    "es": " Más detalles: punto.focal@migracion.example.org.",
}
_PHONE = {
    "en": " Partner agencies can call the duty desk on +62 21 5550 1234.",
    "fr": " Permanence joignable au +856 21 555 0123.",
    "es": " Guardia disponible en el +670 555 0123.",
}


def _email_in_narrative(spec: PackageSpec, rng: random.Random) -> None:
    row = rng.choice(_table(spec, "narrative").rows)
    row["text"] = f"{row['text']}{_EMAIL[spec.state.language]}"
    _plant(spec, "narrative", row, "text")


def _phone_in_narrative(spec: PackageSpec, rng: random.Random) -> None:
    row = rng.choice(_table(spec, "narrative").rows)
    row["text"] = f"{row['text']}{_PHONE[spec.state.language]}"
    _plant(spec, "narrative", row, "text")


def _missing_submission(spec: PackageSpec, rng: random.Random) -> None:
    spec.submission = None
    _plant(spec, "submission")


def _missing_route(spec: PackageSpec, rng: random.Random) -> None:
    _table(spec, "incidents").columns.remove("route")
    _plant(spec, "incidents", None, "route", header=True)


def _teleport(spec: PackageSpec, rng: random.Random) -> None:
    row = rng.choice(_table(spec, "incidents").rows)
    row["transport_mode"] = "teleport"
    _plant(spec, "incidents", row, "transport_mode")


def _file_mutation(kind: str) -> Mutation:
    def mutate(spec: PackageSpec, rng: random.Random) -> None:
        spec.file_mutation = kind
        _plant(spec, None)  # the file as a whole

    return mutate


_UNMAPPED = {"en": "tuk-tuk", "fr": "pirogue", "es": "balsa"}


def _warn_unmapped_code(spec: PackageSpec, rng: random.Random) -> None:
    table = _table(spec, "incidents")
    _ensure_column(table, "conveyance", "transport_mode")
    row = rng.choice(table.rows)
    row["conveyance"] = _UNMAPPED[spec.state.language]
    _plant(spec, "incidents", row, "conveyance")


def _warn_date_outside_period(spec: PackageSpec, rng: random.Random) -> None:
    # An incident from just before the period, registered late: reported, but flagged.
    day = spec.period.start - timedelta(days=rng.randint(3, 20))  # drawn before the row
    row = rng.choice(_table(spec, "incidents").rows)
    row["detection_date"] = day
    _plant(spec, "incidents", row, "detection_date")


def _warn_unknown_table(spec: PackageSpec, rng: random.Random) -> None:
    name = {"xlsx": "Pivot", "csv_zip": "summary", "json": "totals"}[spec.encoding]
    rows: list[Row] = [{"table": t, "rows": len(tb.rows)} for t, tb in spec.tables.items()]
    spec.tables[name] = Table(["table", "rows"], rows)
    _plant(spec, name)


def _warn_profile_sum_mismatch(spec: PackageSpec, rng: random.Random) -> None:
    incidents = {r["incident_ref"]: r for r in _table(spec, "incidents").rows}
    rows = [r for r in _table(spec, "smuggled_migrants").rows if r.get("incident_ref") in incidents]
    row = rng.choice(rows)
    row["value"] = int(row["value"] or 0) + 1
    # The profile rows no longer add up to the incident's total: reported on the total.
    _plant(spec, "incidents", incidents[row["incident_ref"]], "migrants_total")


@dataclass(frozen=True)
class Problem:
    """A deliberate problem: the rule it must raise, where it can be planted, and how."""

    key: str
    rule: str
    encodings: tuple[Encoding, ...]
    needs: tuple[str, ...]  # tables the package must have
    mutate: Mutation
    force_legs: bool = False
    needs_ref_column: bool = False  # smuggled_migrants must carry incident_ref


ANY: tuple[Encoding, ...] = ("xlsx", "csv_zip", "json")
BAD: tuple[Problem, ...] = (
    Problem("negative_count", "invalid_count", ("xlsx",), ("border_events",), _negative_count),
    Problem(
        "fractional_count", "invalid_count", ("json",), ("smuggled_migrants",), _fractional_count
    ),
    Problem(
        "deceased_missing",
        "deceased_missing_exceed_total",
        ("csv_zip",),
        ("incidents",),
        _deceased_missing,
    ),
    Problem("duplicate_ref", "duplicate_incident_ref", ("xlsx",), ("incidents",), _duplicate_ref),
    Problem("route_too_short", "route_too_short", ("json",), ("incidents",), _route_too_short),
    Problem(
        "route_unknown_country",
        "route_unknown_country",
        ("csv_zip",),
        ("incidents",),
        _route_unknown_country,
    ),
    Problem(
        "legs_not_chained",
        "legs_not_chained",
        ("xlsx", "csv_zip"),
        ("route_legs",),
        _legs_not_chained,
        force_legs=True,
    ),
    Problem(
        "pseudo_document",
        "pseudo_document_issuer",
        ANY,
        ("fraudulent_documents",),
        _pseudo_document,
    ),
    Problem(
        "passport_column",
        "personal_data_column",
        ("csv_zip",),
        ("smuggled_migrants",),
        _passport_column,
    ),
    Problem(
        "email_in_narrative", "personal_data_value", ("xlsx",), ("narrative",), _email_in_narrative
    ),
    Problem(
        "phone_in_narrative", "personal_data_value", ("json",), ("narrative",), _phone_in_narrative
    ),
    Problem("missing_submission", "missing_submission", ("xlsx",), (), _missing_submission),
    Problem(
        "missing_route",
        "missing_required_column",
        ("csv_zip", "json"),
        ("incidents",),
        _missing_route,
    ),
    Problem("teleport", "unknown_code", ("xlsx",), ("incidents",), _teleport),
    Problem("truncated", "file_unreadable", ("xlsx",), (), _file_mutation("truncate")),
    Problem("text_as_zip", "file_type_mismatch", ("csv_zip",), (), _file_mutation("text_as_zip")),
    Problem("unsafe_path", "zip_unsafe_path", ("csv_zip",), (), _file_mutation("unsafe_path")),
)
WARNINGS: tuple[Problem, ...] = (
    Problem("unmapped_code", "unmapped_code", ("xlsx",), ("incidents",), _warn_unmapped_code),
    Problem(
        "unmapped_code", "unmapped_code", ("csv_zip", "json"), ("incidents",), _warn_unmapped_code
    ),
    Problem(
        "date_outside_period",
        "date_outside_period",
        ("csv_zip",),
        ("incidents",),
        _warn_date_outside_period,
    ),
    Problem(
        "date_outside_period",
        "date_outside_period",
        ("xlsx", "json"),
        ("incidents",),
        _warn_date_outside_period,
    ),
    Problem("unknown_table", "unknown_table", ("xlsx",), (), _warn_unknown_table),
    Problem("unknown_table", "unknown_table", ("csv_zip", "json"), (), _warn_unknown_table),
    Problem(
        "profile_sum_mismatch",
        "profile_sum_mismatch",
        ("json", "csv_zip"),
        ("incidents", "smuggled_migrants"),
        _warn_profile_sum_mismatch,
        needs_ref_column=True,
    ),
    Problem(
        "profile_sum_mismatch",
        "profile_sum_mismatch",
        ("xlsx",),
        ("incidents", "smuggled_migrants"),
        _warn_profile_sum_mismatch,
        needs_ref_column=True,
    ),
)
MUTATIONS: dict[str, Mutation] = {p.key: p.mutate for p in (*BAD, *WARNINGS)}
# Files that cannot be opened at all (the manifest lists no rows for them).
UNREADABLE = frozenset({"truncated", "text_as_zip"})


# --- the demo set: what is sent, when ----------------------------------------------------
Kind = Literal["original", "resubmission", "withdrawal", "duplicate", "bad"]
RESUBMISSIONS = 10
WITHDRAWALS = 4
MIN_INCIDENTS_FOR_PROBLEMS = 4


@dataclass
class Planned:
    """One file of the demo set: which report, when it is sent, what it should do."""

    state: State
    agency: Agency
    period: Period
    submitted: date
    kind: Kind
    order: int  # creation order: breaks ties between files sent the same day
    n_incidents: int = 0
    ref_offset: int = 0
    force_legs: bool = False
    revision: int = 0
    action: str = "replace"
    problem: Problem | None = None
    base: Planned | None = None  # the original this file corrects, withdraws, repeats or breaks
    file: str = ""

    @property
    def encoding(self) -> Encoding:
        return self.agency.encoding or self.state.encoding

    @property
    def expect(self) -> str:
        return "rejected" if self.kind == "bad" else "accepted"

    @property
    def expect_rules(self) -> list[str]:
        return [self.problem.rule] if self.problem else []

    @property
    def severity(self) -> Severity:
        """Of the planted problem: bad packages carry an error, others a warning."""
        return "error" if self.kind == "bad" else "warning"

    @property
    def source(self) -> Planned:
        """The original whose content this file carries."""
        return self.base.source if self.base is not None else self


def _originals(seed: int, scale: float) -> list[Planned]:
    out: list[Planned] = []
    cap = max(1, round(MAX_INCIDENTS * max(scale, 1.0)))
    for state in STATES:
        for agency in state.agencies:
            # Which periods are sent, and when, must not depend on the scale: separate draws.
            rng = _rng(seed, "plan", state.iso3, agency.short)
            for period in agency_periods(agency):
                if rng.random() < agency.gaps:
                    continue
                delay = agency.delay + rng.randint(-10, 25) + (30 if period.kind == "A" else 0)
                sent = period.end + timedelta(days=max(7, delay))
                n = 0
                if "incidents" in agency.tables:
                    volume = _rng(seed, "volume", state.iso3, agency.short, period.label)
                    mean = agency.incidents * period.months / 12 * TREND[period.year] * scale
                    n = min(_poisson(volume, mean * volume.uniform(0.6, 1.4)), cap)
                out.append(Planned(state, agency, period, sent, "original", len(out), n))
    return out


def _pick(
    rng: random.Random,
    pool: list[Planned],
    taken: set[int],
    ok: Callable[[Planned], bool],
    avoid_states: set[str],
) -> Planned:
    """An original not yet used for anything else, preferably from a state not yet used."""
    candidates = [p for p in pool if p.order not in taken and ok(p)]
    fresh = [p for p in candidates if p.state.iso3 not in avoid_states]
    if not candidates:
        raise ValueError("no package can carry this problem; check the state profiles")
    chosen = rng.choice(fresh or candidates)
    taken.add(chosen.order)
    avoid_states.add(chosen.state.iso3)
    return chosen


_SUFFIXES = {"resubmission": "_rev1", "withdrawal": "_withdrawal", "duplicate": "_copy"}


def plan_demo(seed: int = DEFAULT_SEED, scale: float = 1.0) -> list[Planned]:
    """Every file of the demo set in processing order, with its name."""
    originals = _originals(seed, scale)
    habits = {s.iso3: Habits(s, seed) for s in STATES}
    rng = _rng(seed, "versions")
    taken: set[int] = set()
    extra: list[Planned] = []

    def fits(problem: Problem) -> Callable[[Planned], bool]:
        def ok(p: Planned) -> bool:
            h = habits[p.state.iso3]
            return (
                p.encoding in problem.encodings
                and set(problem.needs) <= set(p.agency.tables)
                and (not problem.force_legs or any(len(f.path) >= 3 for f, _ in h.families))
                and (
                    not problem.needs_ref_column
                    or "incident_ref" in h.columns(p.agency, "smuggled_migrants")
                )
            )

        return ok

    def at_least(p: Planned, n: int, force_legs: bool) -> None:
        if "incidents" in p.agency.tables:
            p.n_incidents = max(p.n_incidents, n)
        p.force_legs = p.force_legs or force_legs

    used: set[str] = set()
    for problem in WARNINGS:  # planted in originals that are otherwise fine
        p = _pick(rng, originals, taken, fits(problem), used)
        p.problem = problem
        at_least(p, MIN_INCIDENTS_FOR_PROBLEMS, problem.force_legs)
    used = set()
    for problem in BAD:  # a broken package, then its corrected version a few days later
        base = _pick(rng, originals, taken, fits(problem), used)
        at_least(base, MIN_INCIDENTS_FOR_PROBLEMS, problem.force_legs)
        when = base.submitted - timedelta(days=rng.randint(2, 9))
        extra.append(
            Planned(
                base.state,
                base.agency,
                base.period,
                when,
                "bad",
                len(originals) + len(extra),
                problem=problem,
                base=base,
            )
        )
    used = set()
    resubmitted: list[Planned] = []
    for _ in range(RESUBMISSIONS):
        base = _pick(
            rng,
            originals,
            taken,
            lambda p: bool(set(p.agency.tables) & {"incidents", "border_events"}),
            used,
        )
        at_least(base, 1, False)
        when = base.submitted + timedelta(days=rng.randint(20, 150))
        resub = Planned(
            base.state,
            base.agency,
            base.period,
            when,
            "resubmission",
            len(originals) + len(extra),
            revision=1,
            base=base,
        )
        extra.append(resub)
        resubmitted.append(resub)
    for i in range(WITHDRAWALS):
        # The first withdraws a report that was corrected before: it names the latest version.
        latest = resubmitted[0] if i == 0 else _pick(rng, originals, taken, lambda p: True, used)
        when = latest.submitted + timedelta(days=rng.randint(15, 120))
        extra.append(
            Planned(
                latest.state,
                latest.agency,
                latest.period,
                when,
                "withdrawal",
                len(originals) + len(extra),
                action="delete",
                base=latest,
            )
        )
    base = _pick(rng, originals, taken, lambda p: True, used)
    when = base.submitted + timedelta(days=2)  # the same file sent twice by mistake
    extra.append(
        Planned(
            base.state,
            base.agency,
            base.period,
            when,
            "duplicate",
            len(originals) + len(extra),
            base=base,
        )
    )

    # Incident numbers run on through the year, per agency (after problems forced minimums).
    running: dict[tuple[str, str, int], int] = {}
    for p in originals:
        key = (p.state.iso3, p.agency.short, p.period.year)
        p.ref_offset = running.get(key, 0)
        running[key] = p.ref_offset + p.n_incidents

    planned = sorted(originals + extra, key=lambda p: (p.submitted, p.order))
    for i, p in enumerate(planned, start=1):
        suffix = _SUFFIXES.get(p.kind, "")
        stem = f"{i:04d}_{p.state.iso3}_{p.agency.short}_{p.period.label}{suffix}"
        p.file = stem + EXTENSIONS[p.encoding]
    return planned


def realise(p: Planned, seed: int, scale: float, habits: dict[str, Habits]) -> PackageSpec:
    """The content of a planned file (a duplicate's content is its original's)."""
    src = p.source
    build = Build(
        seed,
        src.state,
        src.agency,
        src.period,
        habits[src.state.iso3],
        scale,
        src.n_incidents,
        src.ref_offset,
        src.force_legs,
    )
    spec = build_package(build, revision=p.revision, action=p.action)
    problem = p.problem if p.kind != "duplicate" else src.problem
    if problem is not None:
        problem.mutate(
            spec,
            _rng(seed, "problem", problem.key, src.state.iso3, src.agency.short, src.period.label),
        )
    return spec


# --- a big package for throughput measurements -------------------------------------------
def big_incidents_csv_bundle(path: Path, rows: int, seed: int = DEFAULT_SEED) -> Path:
    """Write ONE valid CSV-bundle package with ``rows`` incident rows (Thailand's immigration
    bureau, year 2023) and return its path.

    Rows are drawn in bulk from a few hundred distinct values (``Random.choices``) and written
    by polars straight into the zip entry, so a million rows take seconds, not minutes.
    Distinct references, dates, sizes and fees keep the zip well under the 20x expansion limit.
    """
    import polars as pl  # only needed here; the rest of the module writes row by row

    state = STATE_BY_ISO3["THA"]
    agency = state.agencies[0]
    period = Period("A", 2023, 1)
    habits = Habits(state, seed)
    rng = _rng(seed, "big", rows)
    families = [f for f, _ in habits.families]
    pick = rng.choices(range(len(families)), weights=[w for _, w in habits.families], k=rows)
    routes = [" > ".join(f.path) for f in families]
    stages = [_detection(rng, f, state.iso3)[0] for f in families]
    modes = [f.mode for f in families]
    conveyances = [f.legs[-1].conveyances[0] for f in families]
    days = [(period.start + timedelta(days=d)).isoformat() for d in range(period.days)]
    sizes = list(range(1, 121))
    fees = [("", "")] + [
        (_number_text(_money(rng, rng.uniform(*families[i % len(families)].fee_usd), cur)), cur)
        for i, cur in enumerate(rng.choices(("THB", "USD"), k=400))
    ]
    fee_pick = rng.choices(
        range(len(fees)), weights=[0.4] + [0.6 / (len(fees) - 1)] * (len(fees) - 1), k=rows
    )
    frame = pl.DataFrame(
        {
            "incident_ref": [f"THA-RTPIB-2023-{i:07d}" for i in range(1, rows + 1)],
            "detection_date": rng.choices(days, k=rows),
            "detection_stage": [stages[i] for i in pick],
            "route": [routes[i] for i in pick],
            "transport_mode": [modes[i] for i in pick],
            "conveyance": [conveyances[i] for i in pick],
            "migrants_total": rng.choices(sizes, weights=[1 / s for s in sizes], k=rows),
            # At most one deceased and never any missing: always within the total.
            "migrants_deceased": rng.choices(("", "0", "1"), weights=(90, 9, 1), k=rows),
            "migrants_missing": rng.choices(("", "0"), weights=(95, 5), k=rows),
            "fee_per_migrant": [fees[i][0] for i in fee_pick],
            "fee_currency": [fees[i][1] for i in fee_pick],
            "payment_method": rng.choices(
                ("cash", "bank_transfer", "hawala", "mobile_money", ""), k=rows
            ),
            "technology": rng.choices(("", "messaging_app", "social_media;messaging_app"), k=rows),
        }
    )
    submission = {
        "reporting_state": state.iso3,
        "reporting_agency": agency.name,
        "period": period.label,
        "template_version": TEMPLATE_VERSION,
        "notes": f"Synthetic load test package with {rows} incidents.",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [
            (
                "submission.csv",
                _csv_text(["field", "value"], list(submission.items()), ",").encode(),
            )
        ]:
            info = zipfile.ZipInfo(name, date_time=ZIP_ENTRY_TIME)
            info.compress_type, info.create_system, info.external_attr = (
                zipfile.ZIP_DEFLATED,
                3,
                0o644 << 16,
            )
            archive.writestr(info, data)
        info = zipfile.ZipInfo("incidents.csv", date_time=ZIP_ENTRY_TIME)
        info.compress_type, info.create_system, info.external_attr = (
            zipfile.ZIP_DEFLATED,
            3,
            0o644 << 16,
        )
        with archive.open(info, "w", force_zip64=True) as entry:
            frame.write_csv(entry, line_terminator="\r\n")
    return path


# --- the manifest and the command --------------------------------------------------------
class ExpectedIssue(TypedDict):
    """One issue the validator must report, located as the state sees it."""

    rule: str
    severity: Severity
    table: str | None  # template table; an unknown table as named in the file; None: the file
    row: int | None  # spreadsheet row / CSV line / JSON index; the header's for a column
    column: str | None  # template column; a non-template one as its header is written


def _where(
    spot: Spot, spec: PackageSpec, layout: Layout
) -> tuple[str | None, int | None, str | None]:
    """A planted spot as the state sees it in the file that was written."""
    table = spot.table
    if table is None or table not in layout.origins:
        return table, None, spot.column  # the file itself, or a table it does not have
    name = table if table in COLUMNS else layout.origins[table]
    if spot.header:
        row = layout.header_rows[table]
    else:
        row = layout.rows[table][spot.row] if spot.row is not None else None
    column = spot.column
    if column is not None and column not in COLUMNS.get(table, ()):
        column = spec.habits.header(column).strip()  # not the template's: as the state wrote it
    return name, row, column


def expected_issues(p: Planned, spec: PackageSpec, layout: Layout) -> list[ExpectedIssue]:
    """The issues the validator must report for the problem planted in ``p``."""
    if p.problem is None:
        return []
    out: list[ExpectedIssue] = []
    for spot in spec.planted:
        table, row, column = _where(spot, spec, layout)
        out.append(
            {
                "rule": p.problem.rule,
                "severity": p.severity,
                "table": table,
                "row": row,
                "column": column,
            }
        )
    return out


class ManifestEntry(TypedDict):
    file: str
    sequence: int
    kind: str  # original | resubmission | withdrawal | duplicate | bad
    encoding: str  # xlsx | csv_zip | json
    reporting_state: str  # ISO 3166 alpha-3
    agency: str
    period: str
    action: str
    expect: str  # accepted | rejected
    # Rejected: rules that must appear among the errors. Accepted: warnings planted on purpose.
    expect_rules: list[str]
    # The same, located: issues that must be among those reported (files with a problem).
    expect_issues: NotRequired[list[ExpectedIssue]]
    rows: dict[str, int]
    bytes: int
    sha256: str
    mtime: int
    charset: NotRequired[str]
    delimiter: NotRequired[str]
    replaces: NotRequired[str]  # resubmission: the file it supersedes
    withdraws: NotRequired[str]
    duplicate_of: NotRequired[str]
    resent_as: NotRequired[str]  # bad: the corrected file the state sent next
    problem: NotRequired[str]


@dataclass(frozen=True)
class Manifest:
    seed: int
    scale: float
    entries: tuple[ManifestEntry, ...]

    @property
    def sequence(self) -> list[str]:
        return [e["file"] for e in self.entries]

    def to_dict(self) -> dict[str, Any]:
        return {
            "generator": "samples.generator",
            "template_version": TEMPLATE_VERSION,
            "seed": self.seed,
            "scale": self.scale,
            "packages": len(self.entries),
            "states": sorted({e["reporting_state"] for e in self.entries}),
            "note": "Process the files in 'sequence' order; names and mtimes sort that way too.",
            "sequence": self.sequence,
            "files": list(self.entries),
        }

    def dumps(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def load(cls, path: Path) -> Manifest:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["seed"], data["scale"], tuple(data["files"]))


MANIFEST_NAME = "MANIFEST.json"
_GENERATED = re.compile(r"^\d{4}_.+\.(?:xlsx|zip|json)$")


def _mtime(day: date, sequence: int) -> int:
    """Seconds since the epoch: the sending day, plus the sequence number as seconds so that
    files sent the same day still sort in processing order (never reaching the next day)."""
    return calendar.timegm((day.year, day.month, day.day, 9, 0, 0)) + sequence


def _entry(
    p: Planned, sequence: int, spec: PackageSpec | None, data: bytes, layout: Layout | None = None
) -> ManifestEntry:
    src = p.source
    unreadable = p.problem is not None and p.problem.key in UNREADABLE
    entry: ManifestEntry = {
        "file": p.file,
        "sequence": sequence,
        "kind": p.kind,
        "encoding": p.encoding,
        "reporting_state": src.state.iso3,
        "agency": src.agency.name,
        "period": src.period.label,
        "action": p.action,
        "expect": p.expect,
        "expect_rules": p.expect_rules,
        "rows": {} if unreadable or spec is None else spec.row_counts,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "mtime": _mtime(p.submitted, sequence),
    }
    if p.encoding == "csv_zip":
        entry["charset"] = src.state.charset
        entry["delimiter"] = src.state.delimiter
    if p.problem is not None:
        entry["problem"] = p.problem.key
        if spec is not None and layout is not None:
            entry["expect_issues"] = expected_issues(p, spec, layout)
    if p.base is not None:
        link = {
            "resubmission": "replaces",
            "withdrawal": "withdraws",
            "duplicate": "duplicate_of",
            "bad": "resent_as",
        }[p.kind]
        entry[link] = p.base.file  # type: ignore[literal-required]
    return entry


def generate(out_dir: Path, *, seed: int = DEFAULT_SEED, scale: float = 1.0) -> Manifest:
    """Write the demo set into ``out_dir`` and its manifest; return the manifest.

    Files of an earlier set in ``out_dir`` (``NNNN_*`` packages, the manifest) are removed
    first, nothing else. ``scale`` multiplies the incidents per package (and the rows that
    hang off them; the cap of 150 per package grows with it): the files, states, versions and
    problems stay the same, so a bigger set is the same story with more data.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.iterdir():
        if old.is_file() and (_GENERATED.match(old.name) or old.name == MANIFEST_NAME):
            old.unlink()
    habits = {s.iso3: Habits(s, seed) for s in STATES}
    entries: list[ManifestEntry] = []
    written: dict[str, bytes] = {}
    for sequence, p in enumerate(plan_demo(seed, scale), start=1):
        layout = None
        if p.kind == "duplicate":
            spec = None
            data = written[p.source.file]
        else:
            spec = realise(p, seed, scale, habits)
            data, layout = encode_package(spec)
        written[p.file] = data
        path = out_dir / p.file
        path.write_bytes(data)
        entry = _entry(p, sequence, spec, data, layout)
        if spec is None:
            entry["rows"] = next(e["rows"] for e in entries if e["file"] == p.source.file)
        os.utime(path, (entry["mtime"], entry["mtime"]))
        entries.append(entry)
    manifest = Manifest(seed, scale, tuple(entries))
    (out_dir / MANIFEST_NAME).write_text(manifest.dumps(), encoding="utf-8")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m samples.generator", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--out", type=Path, default=Path("samples/demo"), help="output directory")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiplies the incidents per package"
    )
    args = parser.parse_args(argv)
    manifest = generate(args.out, seed=args.seed, scale=args.scale)
    kinds: dict[str, int] = {}
    for e in manifest.entries:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    size = sum(e["bytes"] for e in manifest.entries)
    print(f"{len(manifest.entries)} packages, {size / 1e6:.1f} MB in {args.out}: {kinds}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
