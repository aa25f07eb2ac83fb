"""The Excel reporting template (spec §1, §3), generated in English, French or Spanish.

Nothing in it is typed twice: the sheets and their columns come from the table contracts
(:mod:`contracts.tables`), whether a column is required, coded (and with which list),
multi-valued, a country, a count or a date comes from the checks of its contract, and the
drop-down lists come from the code-list seeds (:func:`contracts.codelists.load_codelists`),
the countries and the currencies seeds. Only the words are here, in :data:`TEXT`,
:data:`TABLE_HELP`, :data:`COLUMN_HELP` and :data:`FORMAT_HELP`.

Drop-downs offer the *labels* in the template's language (the contracts accept any label in
English, French or Spanish as well as the code), kept on the hidden ``_lists`` sheet: a list
literal is limited to 255 characters. They warn rather than refuse, since codes, labels in
the other languages and synonyms are valid input too; on multi-valued columns they only
inform, as several values are typed into one cell separated by ``;``. The helper sheets'
names start with ``_``, which the readers skip (:mod:`contracts.conform`): a filled template
is a package without a warning about unknown sheets.

Every cell is written through :mod:`ingest.safe_cells`, never as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_col_to_name

from contracts.codelists import load_codelists
from contracts.currencies import CURRENCIES_SEED
from contracts.normalise import normalise_text
from contracts.rules import LANGUAGES, Language
from contracts.submission import TEMPLATE_VERSIONS
from contracts.tables import CONTRACTS, DATA_TABLES, SUBMISSION, columns, schema
from contracts.values import DATE_FORMATS
from ingest.safe_cells import WORKBOOK_OPTIONS, CellWriter
from warehouse.settings import SEEDS_DIR, Limits

TEMPLATE_VERSION = TEMPLATE_VERSIONS[0]
COUNTRIES_SEED = SEEDS_DIR / "reference" / "countries.csv"
LISTS_SHEET = "_lists"
# Rows 2..LAST_ROW of each table sheet carry the drop-downs (1-based, as Excel shows them).
LAST_ROW = 5000
# Fixed, so that the same template is the same bytes (docProps/core.xml holds the date).
CREATED = datetime(2025, 1, 1)
NO_COUNTRY = "none"  # issuing_country of a pseudo document (contracts._base.NO_COUNTRY)
MULTI_SEPARATOR = ";"

# Submission fields whose values are a fixed set of words rather than a code list.
OPTIONS: dict[str, tuple[str, ...]] = {
    "language": LANGUAGES,
    "date_format": tuple(DATE_FORMATS),
}

REQUIRED_HEADER = {"bold": True, "bg_color": "#F8CBAD", "border": 1}
OPTIONAL_HEADER = {"bold": True, "bg_color": "#DDEBF7", "border": 1}
TEXT_COLUMN = {"num_format": "@"}  # Excel leaves "1-5", "0012" or "2024-03" alone
DATE_COLUMN = {"num_format": "yyyy-mm-dd"}
WRAP = {"text_wrap": True, "valign": "top"}
TITLE = {"bold": True, "font_size": 14}
HEADING = {"bold": True, "font_size": 12, "font_color": "#1F4E79"}

# --- the words ------------------------------------------------------------------------------

TEXT: dict[str, dict[Language, str]] = {
    "instructions_sheet": {"en": "_instructions", "fr": "_instructions", "es": "_instrucciones"},
    "title": {
        "en": "Voluntary reporting on migrant smuggling — reporting template, format {version}",
        "fr": "Déclaration volontaire sur le trafic illicite de migrants — modèle de "
        "déclaration, format {version}",
        "es": "Notificación voluntaria sobre el tráfico ilícito de migrantes — plantilla de "
        "notificación, formato {version}",
    },
    "required": {"en": "Required", "fr": "Obligatoire", "es": "Obligatorio"},
    "optional": {"en": "Optional", "fr": "Facultatif", "es": "Opcional"},
    "columns_heading": {
        "en": "Every column",
        "fr": "Toutes les colonnes",
        "es": "Todas las columnas",
    },
    "columns_header": {
        "en": "sheet.column|required?|explanation",
        "fr": "feuille.colonne|obligatoire ?|explication",
        "es": "hoja.columna|¿obligatorio?|explicación",
    },
    "field_note": {
        "en": "One line per field: the field's name in column A (do not change it), its value "
        "in column B. Column C explains the field.",
        "fr": "Une ligne par champ : le nom du champ en colonne A (ne le modifiez pas), sa "
        "valeur en colonne B. La colonne C explique le champ.",
        "es": "Una línea por campo: el nombre del campo en la columna A (no lo cambie), su "
        "valor en la columna B. La columna C explica el campo.",
    },
    "value_note": {
        "en": "Fill the value of each field here. reporting_state, reporting_agency and period "
        "are required; template_version and language are filled in already.",
        "fr": "Saisissez ici la valeur de chaque champ. reporting_state, reporting_agency et "
        "period sont obligatoires ; template_version et language sont déjà remplis.",
        "es": "Escriba aquí el valor de cada campo. reporting_state, reporting_agency y period "
        "son obligatorios; template_version y language ya están completados.",
    },
    "codes": {"en": "The codes:", "fr": "Les codes :", "es": "Los códigos:"},
    # Data validation dialogs: titles at most 32 characters, messages at most 255.
    "not_listed_title": {
        "en": "Not in the list",
        "fr": "Valeur hors liste",
        "es": "Valor fuera de la lista",
    },
    "not_listed": {
        "en": "This value is not in the drop-down list. A code, or a label in English, French "
        "or Spanish, is accepted too; anything else will be reported when the package is "
        "checked. Keep it?",
        "fr": "Cette valeur n'est pas dans la liste. Un code, ou un libellé en anglais, "
        "français ou espagnol, est aussi accepté ; toute autre valeur sera signalée lors "
        "du contrôle du paquet. La garder ?",
        "es": "Este valor no está en la lista. También se acepta un código, o una etiqueta en "
        "inglés, francés o español; cualquier otro valor se señalará al comprobar el "
        "paquete. ¿Mantenerlo?",
    },
    "several_title": {
        "en": "Several values allowed",
        "fr": "Plusieurs valeurs possibles",
        "es": "Se admiten varios valores",
    },
    "several": {
        "en": "Pick one value from the list, or type several separated by ; "
        "(for example: {example}).",
        "fr": "Choisissez une valeur dans la liste, ou saisissez-en plusieurs séparées par ; "
        "(par exemple : {example}).",
        "es": "Elija un valor de la lista, o escriba varios separados por ; "
        "(por ejemplo: {example}).",
    },
}

TABLE_HELP: dict[str, dict[Language, str]] = {
    SUBMISSION: {
        "en": "who reports what: state, agency, period (always required, one form)",
        "fr": "qui déclare quoi : État, service, période (toujours obligatoire, un formulaire)",
        "es": "quién notifica qué: Estado, organismo, período (siempre obligatoria, un formulario)",
    },
    "border_events": {
        "en": "aggregate detections at and inside the borders",
        "fr": "détections agrégées aux frontières et à l'intérieur du territoire",
        "es": "detecciones agregadas en las fronteras y dentro del territorio",
    },
    "incidents": {
        "en": "one row per detected smuggling incident or case",
        "fr": "une ligne par incident ou affaire de trafic illicite détecté",
        "es": "una fila por incidente o caso de tráfico ilícito detectado",
    },
    "route_legs": {
        "en": "optional detail of an incident's route, one row per leg",
        "fr": "détail facultatif de l'itinéraire d'un incident, une ligne par étape",
        "es": "detalle opcional de la ruta de un incidente, una fila por tramo",
    },
    "smuggled_migrants": {
        "en": "profile counts of smuggled migrants",
        "fr": "effectifs des migrants objet d'un trafic, par profil",
        "es": "recuentos de migrantes objeto de tráfico, por perfil",
    },
    "smugglers": {
        "en": "profile counts of suspected smugglers (facilitators)",
        "fr": "effectifs des passeurs présumés, par profil",
        "es": "recuentos de presuntos traficantes, por perfil",
    },
    "fraudulent_documents": {
        "en": "fraudulent documents detected",
        "fr": "documents frauduleux détectés",
        "es": "documentos fraudulentos detectados",
    },
    "cooperation": {
        "en": "international cooperation requests on smuggling cases",
        "fr": "demandes de coopération internationale dans des affaires de trafic illicite",
        "es": "solicitudes de cooperación internacional en casos de tráfico ilícito",
    },
    "narrative": {
        "en": "qualitative observations",
        "fr": "observations qualitatives",
        "es": "observaciones cualitativas",
    },
}


def _t(en: str, fr: str, es: str) -> dict[Language, str]:
    return {"en": en, "fr": fr, "es": es}


# What a column means, keyed "table.column" where it depends on the table, else "column".
COLUMN_HELP: dict[str, dict[Language, str]] = {
    "reporting_state": _t("The reporting state.", "L'État déclarant.", "El Estado notificante."),
    "reporting_agency": _t(
        "Name of the reporting agency (an agency, never a person).",
        "Nom du service déclarant (un service, jamais une personne).",
        "Nombre del organismo notificante (un organismo, nunca una persona).",
    ),
    "agency_type": _t("Kind of agency.", "Type de service.", "Tipo de organismo."),
    "period": _t(
        "The period reported: a month, a quarter, a half-year or a year.",
        "La période déclarée : un mois, un trimestre, un semestre ou une année.",
        "El período notificado: un mes, un trimestre, un semestre o un año.",
    ),
    "action": _t(
        "Replace (the default when blank): this package is the complete, current report for "
        "its state, agency and period. Withdraw: withdraws that report (then send the "
        "submission sheet only).",
        "Remplacer (par défaut si vide) : ce paquet est le rapport complet et à jour pour son "
        "État, son service et sa période. Retirer : retire ce rapport (n'envoyez alors que la "
        "feuille submission).",
        "Reemplazar (por defecto si está vacío): este paquete es el informe completo y vigente "
        "para su Estado, organismo y período. Retirar: retira ese informe (envíe entonces solo "
        "la hoja submission).",
    ),
    "template_version": _t(
        "Version of the template.", "Version du modèle.", "Versión de la plantilla."
    ),
    "language": _t(
        "Language of the report you get back.",
        "Langue du rapport qui vous est renvoyé.",
        "Idioma del informe que recibirá.",
    ),
    "date_format": _t(
        "How the dates of the package are written, when not YYYY-MM-DD.",
        "Comment les dates du paquet sont écrites, si ce n'est pas AAAA-MM-JJ (YYYY-MM-DD).",
        "Cómo se escriben las fechas del paquete, si no es AAAA-MM-DD (YYYY-MM-DD).",
    ),
    "benefit_required": _t(
        "Does national law require a financial or other material benefit for the smuggling "
        "offence?",
        "Le droit national exige-t-il un avantage financier ou un autre avantage matériel pour "
        "l'infraction de trafic illicite ?",
        "¿Exige la legislación nacional un beneficio financiero u otro beneficio material para "
        "el delito de tráfico ilícito?",
    ),
    "stay_facilitation_criminalised": _t(
        "Is enabling illegal stay an offence?",
        "Le fait de permettre un séjour illégal est-il une infraction ?",
        "¿Es delito facilitar la permanencia ilegal?",
    ),
    "notes": _t(
        "Any remark on the package.", "Toute remarque sur le paquet.", "Cualquier observación."
    ),
    "indicator": _t("What was detected.", "Ce qui a été détecté.", "Lo que se detectó."),
    "counting_unit": _t(
        "What the value counts: detections (events) or persons.",
        "Ce que compte la valeur : des détections (événements) ou des personnes.",
        "Lo que cuenta el valor: detecciones (eventos) o personas.",
    ),
    "border_type": _t("Type of border.", "Type de frontière.", "Tipo de frontera."),
    "detection_location": _t(
        "Where the detection took place.",
        "Lieu de la détection.",
        "Dónde tuvo lugar la detección.",
    ),
    "citizenship": _t(
        "Citizenship of the persons counted.",
        "Nationalité des personnes comptées.",
        "Nacionalidad de las personas contadas.",
    ),
    "sex": _t(
        "Sex of the persons counted.",
        "Sexe des personnes comptées.",
        "Sexo de las personas contadas.",
    ),
    "age_group": _t(
        "Age group of the persons counted.",
        "Tranche d'âge des personnes comptées.",
        "Grupo de edad de las personas contadas.",
    ),
    "border_events.value": _t(
        "The count. Required, except when obs_status is Q (suppressed): then leave it blank.",
        "L'effectif. Obligatoire, sauf si obs_status vaut Q (supprimé) : laissez-le alors vide.",
        "El recuento. Obligatorio, salvo si obs_status es Q (suprimido): déjelo entonces vacío.",
    ),
    "obs_status": _t(
        "Status of the value (SDMX): estimated, provisional, Q = suppressed by the state…",
        "Statut de la valeur (SDMX) : estimée, provisoire, Q = supprimée par l'État…",
        "Estado del valor (SDMX): estimado, provisional, Q = suprimido por el Estado…",
    ),
    "comment": _t(
        "A remark on this row.", "Une remarque sur cette ligne.", "Una observación sobre esta fila."
    ),
    "incidents.incident_ref": _t(
        "Your own reference of the incident or case, unique in the package. It must not "
        "encode a person.",
        "Votre propre référence de l'incident ou de l'affaire, unique dans le paquet. Elle ne "
        "doit pas désigner une personne.",
        "Su propia referencia del incidente o caso, única en el paquete. No debe identificar "
        "a una persona.",
    ),
    "incident_ref": _t(
        "When the row describes one incident: its incident_ref in the incidents sheet.",
        "Si la ligne décrit un incident : son incident_ref dans la feuille incidents.",
        "Si la fila describe un incidente: su incident_ref en la hoja incidents.",
    ),
    "route_legs.incident_ref": _t(
        "The incident_ref (incidents sheet) of the incident this leg belongs to.",
        "L'incident_ref (feuille incidents) de l'incident auquel appartient cette étape.",
        "El incident_ref (hoja incidents) del incidente al que pertenece este tramo.",
    ),
    "detection_date": _t("Date of detection.", "Date de la détection.", "Fecha de detección."),
    "detection_stage": _t(
        "Stage of the journey at which it was detected.",
        "Étape du trajet à laquelle il a été détecté.",
        "Etapa del viaje en que se detectó.",
    ),
    "detection_country": _t(
        "Country of detection (blank: the reporting state).",
        "Pays de la détection (vide : l'État déclarant).",
        "País de detección (vacío: el Estado notificante).",
    ),
    "detection_place": _t(
        "Place of detection, such as a port or an island.",
        "Lieu de la détection, par exemple un port ou une île.",
        "Lugar de detección, por ejemplo un puerto o una isla.",
    ),
    "route": _t(
        "The journey: origin first, intended destination last.",
        "Le trajet : l'origine en premier, la destination prévue en dernier.",
        "El viaje: el origen primero, el destino previsto al final.",
    ),
    "transport_mode": _t(
        "Main mode of transport.", "Mode de transport principal.", "Medio de transporte principal."
    ),
    "route_legs.transport_mode": _t(
        "Mode of transport of this leg.",
        "Mode de transport de cette étape.",
        "Medio de transporte de este tramo.",
    ),
    "conveyance": _t(
        "Vehicle, vessel or aircraft used.",
        "Véhicule, navire ou aéronef utilisé.",
        "Vehículo, embarcación o aeronave utilizados.",
    ),
    "concealment": _t(
        "How the migrants were hidden.",
        "Comment les migrants étaient dissimulés.",
        "Cómo se ocultaba a los migrantes.",
    ),
    "migrants_total": _t(
        "Smuggled migrants in the incident.",
        "Migrants objet du trafic dans l'incident.",
        "Migrantes objeto de tráfico en el incidente.",
    ),
    "migrants_deceased": _t(
        "Of them, deceased (deceased + missing ≤ migrants_total).",
        "Dont décédés (décédés + disparus ≤ migrants_total).",
        "De ellos, fallecidos (fallecidos + desaparecidos ≤ migrants_total).",
    ),
    "migrants_missing": _t("Of them, missing.", "Dont disparus.", "De ellos, desaparecidos."),
    "migrants_injured": _t("Of them, injured.", "Dont blessés.", "De ellos, heridos."),
    "unaccompanied_minors": _t(
        "Of them, unaccompanied minors.",
        "Dont mineurs non accompagnés.",
        "De ellos, menores no acompañados.",
    ),
    "smugglers_detected": _t(
        "Suspected smugglers detected.",
        "Passeurs présumés détectés.",
        "Presuntos traficantes detectados.",
    ),
    "fee_per_migrant": _t(
        "Fee paid by one migrant.", "Prix payé par un migrant.", "Precio pagado por un migrante."
    ),
    "fee_currency": _t("Currency of the fee.", "Devise du prix.", "Moneda del precio."),
    "fee_basis": _t("What the fee covers.", "Ce que couvre le prix.", "Lo que cubre el precio."),
    "payment_method": _t(
        "How the fee was paid.", "Comment le prix a été payé.", "Cómo se pagó el precio."
    ),
    "payment_timing": _t(
        "When the fee was paid.", "Quand le prix a été payé.", "Cuándo se pagó el precio."
    ),
    "related_offences": _t(
        "Other offences connected with the incident.",
        "Autres infractions liées à l'incident.",
        "Otros delitos relacionados con el incidente.",
    ),
    "technology": _t(
        "Technology used by the smugglers.",
        "Technologies utilisées par les passeurs.",
        "Tecnología utilizada por los traficantes.",
    ),
    "aggravating": _t(
        "Aggravating circumstances (Protocol against the Smuggling of Migrants, art. 6(3)).",
        "Circonstances aggravantes (Protocole contre le trafic illicite de migrants, art. 6(3)).",
        "Circunstancias agravantes (Protocolo contra el tráfico ilícito de migrantes, art. 6(3)).",
    ),
    "leg_seq": _t(
        "Number of the leg: 1, 2, 3… in the order of the journey.",
        "Numéro de l'étape : 1, 2, 3… dans l'ordre du trajet.",
        "Número del tramo: 1, 2, 3… en el orden del viaje.",
    ),
    "from_country": _t(
        "Country where the leg starts (where the previous leg ends).",
        "Pays où commence l'étape (où finit l'étape précédente).",
        "País donde empieza el tramo (donde termina el anterior).",
    ),
    "to_country": _t(
        "Country where the leg ends.", "Pays où finit l'étape.", "País donde termina el tramo."
    ),
    "smuggled_migrants.value": _t(
        "Number of smuggled migrants. For an incident, its rows should add up to its "
        "migrants_total.",
        "Nombre de migrants objet du trafic. Pour un incident, ses lignes devraient totaliser "
        "son migrants_total.",
        "Número de migrantes objeto de tráfico. Para un incidente, sus filas deberían sumar "
        "su migrants_total.",
    ),
    "unaccompanied": _t(
        "Unaccompanied minors?", "Mineurs non accompagnés ?", "¿Menores no acompañados?"
    ),
    "role": _t(
        "Role in the smuggling operation.",
        "Rôle dans l'opération de trafic.",
        "Función en la operación de tráfico.",
    ),
    "justice_stage": _t(
        "Furthest stage of criminal justice reached in the period.",
        "Stade le plus avancé de la procédure pénale atteint pendant la période.",
        "Etapa más avanzada del proceso penal alcanzada en el período.",
    ),
    "group_structure": _t(
        "Kind of criminal group.", "Type de groupe criminel.", "Tipo de grupo delictivo."
    ),
    "smugglers.value": _t(
        "Number of suspected smugglers.",
        "Nombre de passeurs présumés.",
        "Número de presuntos traficantes.",
    ),
    "document_type": _t("Kind of document.", "Type de document.", "Tipo de documento."),
    "fraud_type": _t("Kind of fraud.", "Type de fraude.", "Tipo de fraude."),
    "issuing_country": _t(
        "Country that issued (or is said to have issued) the document.",
        "Pays qui a délivré (ou est censé avoir délivré) le document.",
        "País que expidió (o habría expedido) el documento.",
    ),
    "holder_citizenship": _t(
        "Citizenship of the holder.", "Nationalité du porteur.", "Nacionalidad del portador."
    ),
    "fraudulent_documents.value": _t(
        "Number of documents.", "Nombre de documents.", "Número de documentos."
    ),
    "request_type": _t("Kind of request.", "Type de demande.", "Tipo de solicitud."),
    "direction": _t(
        "Sent by your state, or received from the other state.",
        "Envoyée par votre État, ou reçue de l'autre État.",
        "Enviada por su Estado, o recibida del otro Estado.",
    ),
    "counterpart_state": _t("The other state.", "L'autre État.", "El otro Estado."),
    "outcome": _t(
        "Outcome of the request.", "Suite donnée à la demande.", "Resultado de la solicitud."
    ),
    "cooperation.value": _t("Number of requests.", "Nombre de demandes.", "Número de solicitudes."),
    "topic": _t(
        "Subject of the observation.", "Sujet de l'observation.", "Tema de la observación."
    ),
    "text": _t(
        "Your observation, in any language.",
        "Votre observation, dans n'importe quelle langue.",
        "Su observación, en cualquier idioma.",
    ),
    "value": _t("The count.", "L'effectif.", "El recuento."),
}

# What a column takes, keyed by the name of the contract check that enforces it.
FORMAT_HELP: dict[str, dict[Language, str]] = {
    "codelist": _t(
        "Code list {list}: pick from the drop-down. A code, or a label in English, French or "
        "Spanish, is accepted too.",
        "Liste de codes {list} : choisissez dans la liste déroulante. Un code, ou un libellé "
        "en anglais, français ou espagnol, est aussi accepté.",
        "Lista de códigos {list}: elija en la lista desplegable. También se acepta un código, "
        "o una etiqueta en inglés, francés o español.",
    ),
    "multi": _t(
        "Several values allowed: separate them with ; (for example: {example}).",
        "Plusieurs valeurs possibles : séparez-les par ; (par exemple : {example}).",
        "Se admiten varios valores: sepárelos con ; (por ejemplo: {example}).",
    ),
    "country": _t(
        "A country: pick its name from the drop-down, or type its ISO 3166 code (AFG or AF) "
        "or its name in English, French or Spanish. XXA = stateless, XXX = unknown.",
        "Un pays : choisissez son nom dans la liste, ou saisissez son code ISO 3166 (AFG ou "
        "AF) ou son nom en anglais, français ou espagnol. XXA = apatride, XXX = inconnu.",
        "Un país: elija su nombre en la lista, o escriba su código ISO 3166 (AFG o AF) o su "
        "nombre en inglés, francés o español. XXA = apátrida, XXX = desconocido.",
    ),
    "allow_none": _t(
        "none = no issuing country (pseudo documents only).",
        "none = aucun pays de délivrance (pseudo-documents seulement).",
        "none = ningún país expedidor (solo pseudodocumentos).",
    ),
    "route_countries": _t(
        "Countries in the order of the journey, separated by > (for example: AFG > PAK > "
        "IDN > AUS); at least two. Codes or names.",
        "Les pays dans l'ordre du trajet, séparés par > (par exemple : AFG > PAK > IDN > "
        "AUS) ; au moins deux. Codes ou noms.",
        "Los países en el orden del viaje, separados por > (por ejemplo: AFG > PAK > IDN > "
        "AUS); al menos dos. Códigos o nombres.",
    ),
    "count": _t(
        "A whole number, 0 or more. Blank = not known; 0 = none.",
        "Un nombre entier, 0 ou plus. Vide = inconnu ; 0 = aucun.",
        "Un número entero, 0 o más. Vacío = desconocido; 0 = ninguno.",
    ),
    "amount": _t(
        "A number, 0 or more, without currency sign or thousands separator; fill fee_currency too.",
        "Un nombre, 0 ou plus, sans symbole monétaire ni séparateur de milliers ; remplissez "
        "aussi fee_currency.",
        "Un número, 0 o más, sin símbolo de moneda ni separador de miles; complete también "
        "fee_currency.",
    ),
    "currency": _t(
        "An ISO 4217 currency code (drop-down), such as USD or EUR; fill fee_per_migrant too.",
        "Un code de devise ISO 4217 (liste déroulante), comme USD ou EUR ; remplissez aussi "
        "fee_per_migrant.",
        "Un código de moneda ISO 4217 (lista desplegable), como USD o EUR; complete también "
        "fee_per_migrant.",
    ),
    "date": _t(
        "A date: YYYY-MM-DD or an Excel date (or the date_format declared in submission).",
        "Une date : AAAA-MM-JJ (YYYY-MM-DD) ou une date Excel (ou le date_format déclaré dans "
        "submission).",
        "Una fecha: AAAA-MM-DD (YYYY-MM-DD) o una fecha de Excel (o el date_format declarado "
        "en submission).",
    ),
    "age_group_parsed": _t(
        "Your own age bands: 18-24, <18, 65+, minor, adult or unknown.",
        "Vos propres tranches d'âge : 18-24, <18, 65+, mineur, adulte ou inconnu.",
        "Sus propios grupos de edad: 18-24, <18, 65+, menor, adulto o desconocido.",
    ),
    "max_chars": _t(
        "Free text, at most {max_chars} characters. Never a person's name or any identifier.",
        "Texte libre, {max_chars} caractères au plus. Jamais le nom d'une personne ni aucun "
        "identifiant.",
        "Texto libre, {max_chars} caracteres como máximo. Nunca el nombre de una persona ni "
        "ningún identificador.",
    ),
    "unique_values": _t("Unique in the package.", "Unique dans le paquet.", "Único en el paquete."),
    "unknown_incident_ref": _t(
        "Must be an incident_ref of the incidents sheet.",
        "Doit être un incident_ref de la feuille incidents.",
        "Debe ser un incident_ref de la hoja incidents.",
    ),
    "invalid_period": _t(
        "YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY (for example 2024-03, 2024-Q1, 2024-S2, 2024).",
        "YYYY-MM, YYYY-Qn, YYYY-Sn ou YYYY (par exemple 2024-03, 2024-Q1, 2024-S2, 2024).",
        "YYYY-MM, YYYY-Qn, YYYY-Sn o YYYY (por ejemplo 2024-03, 2024-Q1, 2024-S2, 2024).",
    ),
    "unsupported_template_version": _t("Leave {version}.", "Laissez {version}.", "Deje {version}."),
    "unknown_language": _t("en, fr or es.", "en, fr ou es.", "en, fr o es."),
    "invalid_option": _t(
        "YYYY-MM-DD (the default), DD/MM/YYYY or MM/DD/YYYY.",
        "YYYY-MM-DD (par défaut), DD/MM/YYYY ou MM/DD/YYYY.",
        "YYYY-MM-DD (por defecto), DD/MM/YYYY o MM/DD/YYYY.",
    ),
}

# The instructions sheet: (heading, paragraphs) per section. Paragraphs are formatted with
# the placeholders of :func:`_instruction_values`; a paragraph "{tables}" is the list of sheets.
INSTRUCTIONS: dict[Language, list[tuple[str, list[str]]]] = {
    "en": [
        (
            "What this workbook is",
            [
                "A reporting package: one workbook = one reporting state × one reporting "
                "agency × one period. It holds counts and categories about events and people, "
                "never anything that identifies a person.",
                "Fill the submission sheet first, then the sheets of the tables you report, "
                "and send the workbook (see the last section). The report you get back is in "
                "the language of the language field.",
            ],
        ),
        (
            "One sheet per table",
            [
                "{tables}",
                "Row 1 of each sheet is the header: do not rename the sheets or the header "
                "cells, and do not add columns; the order of the columns is free. Hover over "
                "a header to read its note. Orange headers must have a value on every row, "
                "blue ones are optional.",
                "A table you do not report: delete its sheet. A missing sheet means 'not "
                "reported'; a sheet left with its header row only means 'reported: nothing "
                "in this period'.",
                "Sheets whose name starts with _ (this one, and the hidden {lists_sheet} sheet "
                "that holds the drop-down lists) are ignored when the package is read. Do not "
                "change {lists_sheet}.",
            ],
        ),
        (
            "Codes and drop-down lists",
            [
                "Coded columns have a drop-down list in rows 2 to {last_row}, with the labels "
                "in English. The code, or a label in French or Spanish, is accepted too. Excel "
                "warns about a value outside the list: when the package is checked, such a "
                "value is an error in a required column and a warning in an optional one.",
                "Several values in one cell: the columns {multi_columns} take several codes. "
                "Type them separated by ; (for example: messaging_app;social_media). The "
                "drop-down gives one value; the note of the header lists every code.",
                "Countries: pick a name from the drop-down, or type an ISO 3166 code (AFG or "
                "AF), a UN M49 number, or the name in English, French or Spanish. XXA = "
                "stateless, XXX = unknown. A route lists the countries of the journey in "
                "order, separated by > (for example: AFG > PAK > MYS > IDN): origin first, "
                "intended destination last, at least two.",
            ],
        ),
        (
            "Blank or 0",
            [
                "A blank cell means 'not known' (not reported); 0 means 'none'. Never write 0 "
                "for a figure you do not know.",
                "Counts are whole numbers, 0 or more, without thousands separators. In "
                "border_events, a figure you withhold: obs_status Q, and the value left blank.",
            ],
        ),
        (
            "Dates, money and ages",
            [
                "Dates: YYYY-MM-DD (2024-02-03) or an Excel date. DD/MM/YYYY or MM/DD/YYYY only "
                "when declared in the date_format field of submission; a two-digit year "
                "(02/24/19) is read in the century nearest the period. A date outside the "
                "period is reported as a warning; more than a year away, or before 1900, it is "
                "an error.",
                "Money: fee_per_migrant is what one migrant paid, a number without currency "
                "sign or thousands separator; fee_currency is its ISO 4217 code (USD, EUR…). "
                "Fill both or neither.",
                "Age groups: your own bands, such as 18-24, <18, 65+, minor, adult or unknown, "
                "as text (a bare 25 is read as the single age 25, with a warning).",
            ],
        ),
        (
            "Personal data: never",
            [
                "Never enter names, dates of birth, passport or identity card numbers, phone "
                "numbers, addresses, e-mail addresses or any other identifier of a person: not "
                "in free text, not in incident_ref, not in an added column.",
                "A package in which such data is found is rejected as a whole; the report "
                "names the cell without repeating what is in it.",
            ],
        ),
        (
            "Free text, formulas and limits",
            [
                "Free text (comments, places, notes, narrative) is at most {max_chars} "
                "characters per cell.",
                "Type values, not formulas: a formula cell is reported and only the value Excel "
                "last calculated is used (Paste special > Values). A text that starts with =, "
                "+, - or @ is kept as text.",
                "At most {max_mb} MB per file and {max_rows} rows per table.",
            ],
        ),
        (
            "Sending the package",
            [
                "Save it as an Excel workbook (.xlsx, or the older .xls) or an OpenDocument "
                "spreadsheet (.ods), not password-protected, and upload it through the portal "
                "(Upload a package; or POST /api/v1/submissions), or send it to the "
                "secretariat, who puts it in with the command vrs submit.",
                "It is checked at once. Errors reject the whole package and nothing of it is "
                "loaded: correct them and send it again. Warnings do not stop it. The report "
                "lists every problem with its sheet, row and column, and comes with a copy of "
                "your workbook with the cells marked.",
                "A corrected package for the same state, agency and period replaces the "
                "previous one. To withdraw a report, send the submission sheet alone with "
                "action set to Withdraw.",
            ],
        ),
    ],
    "fr": [
        (
            "Ce qu'est ce classeur",
            [
                "Un paquet de déclaration : un classeur = un État déclarant × un service "
                "déclarant × une période. Il contient des effectifs et des catégories sur des "
                "événements et des personnes, jamais rien qui identifie une personne.",
                "Remplissez d'abord la feuille submission, puis les feuilles des tables que "
                "vous déclarez, et envoyez le classeur (voir la dernière section). Le rapport "
                "qui vous est renvoyé est dans la langue du champ language.",
            ],
        ),
        (
            "Une feuille par table",
            [
                "{tables}",
                "La ligne 1 de chaque feuille est l'en-tête : ne renommez ni les feuilles ni "
                "les cellules d'en-tête, et n'ajoutez pas de colonnes ; l'ordre des colonnes "
                "est libre. Survolez un en-tête pour lire sa note. Les en-têtes orange doivent "
                "avoir une valeur sur chaque ligne, les bleus sont facultatifs.",
                "Une table que vous ne déclarez pas : supprimez sa feuille. Une feuille absente "
                "signifie « non déclaré » ; une feuille laissée avec sa seule ligne d'en-tête "
                "signifie « déclaré : rien pendant cette période ».",
                "Les feuilles dont le nom commence par _ (celle-ci, et la feuille masquée "
                "{lists_sheet} qui contient les listes déroulantes) sont ignorées à la lecture "
                "du paquet. Ne modifiez pas {lists_sheet}.",
            ],
        ),
        (
            "Codes et listes déroulantes",
            [
                "Les colonnes codées ont une liste déroulante sur les lignes 2 à {last_row}, "
                "avec les libellés en français. Le code, ou un libellé en anglais ou en "
                "espagnol, est aussi accepté. Excel avertit d'une valeur hors liste : au "
                "contrôle du paquet, une telle valeur est une erreur dans une colonne "
                "obligatoire et un avertissement dans une colonne facultative.",
                "Plusieurs valeurs dans une cellule : les colonnes {multi_columns} acceptent "
                "plusieurs codes. Saisissez-les séparés par ; (par exemple : "
                "messaging_app;social_media). La liste déroulante donne une valeur ; la note "
                "de l'en-tête donne tous les codes.",
                "Pays : choisissez un nom dans la liste, ou saisissez un code ISO 3166 (AFG ou "
                "AF), un numéro M49 de l'ONU, ou le nom en anglais, français ou espagnol. XXA = "
                "apatride, XXX = inconnu. Un itinéraire (route) donne les pays du trajet dans "
                "l'ordre, séparés par > (par exemple : AFG > PAK > MYS > IDN) : l'origine en "
                "premier, la destination prévue en dernier, au moins deux.",
            ],
        ),
        (
            "Vide ou 0",
            [
                "Une cellule vide signifie « inconnu » (non déclaré) ; 0 signifie « aucun ». "
                "N'écrivez jamais 0 pour un chiffre que vous ne connaissez pas.",
                "Les effectifs sont des nombres entiers, 0 ou plus, sans séparateur de "
                "milliers. Dans border_events, un chiffre que vous ne communiquez pas : "
                "obs_status Q, et la valeur laissée vide.",
            ],
        ),
        (
            "Dates, montants et âges",
            [
                "Dates : AAAA-MM-JJ (2024-02-03) ou une date Excel. JJ/MM/AAAA ou MM/JJ/AAAA "
                "seulement si c'est déclaré dans le champ date_format de submission "
                "(DD/MM/YYYY ou MM/DD/YYYY) ; une année à deux chiffres (24/02/19) est lue "
                "dans le siècle le plus proche de la période. Une date hors de la période est "
                "signalée par un avertissement ; à plus d'un an, ou avant 1900, c'est une "
                "erreur.",
                "Montants : fee_per_migrant est ce qu'un migrant a payé, un nombre sans "
                "symbole monétaire ni séparateur de milliers ; fee_currency est son code ISO "
                "4217 (USD, EUR…). Remplissez les deux ou aucun.",
                "Tranches d'âge : vos propres tranches, comme 18-24, <18, 65+, mineur, adulte "
                "ou inconnu, sous forme de texte (un simple 25 est lu comme l'âge exact 25, "
                "avec un avertissement).",
            ],
        ),
        (
            "Données personnelles : jamais",
            [
                "N'indiquez jamais de noms, dates de naissance, numéros de passeport ou de "
                "carte d'identité, numéros de téléphone, adresses, adresses électroniques ni "
                "aucun autre identifiant d'une personne : ni dans le texte libre, ni dans "
                "incident_ref, ni dans une colonne ajoutée.",
                "Un paquet où de telles données sont trouvées est rejeté en entier ; le "
                "rapport désigne la cellule sans répéter son contenu.",
            ],
        ),
        (
            "Texte libre, formules et limites",
            [
                "Le texte libre (commentaires, lieux, notes, observations) compte au plus "
                "{max_chars} caractères par cellule.",
                "Saisissez des valeurs, pas des formules : une cellule contenant une formule "
                "est signalée et seule la dernière valeur calculée par Excel est utilisée "
                "(Collage spécial > Valeurs). Un texte qui commence par =, +, - ou @ reste du "
                "texte.",
                "Au plus {max_mb} Mo par fichier et {max_rows} lignes par table.",
            ],
        ),
        (
            "Envoyer le paquet",
            [
                "Enregistrez-le comme classeur Excel (.xlsx, ou l'ancien .xls) ou comme "
                "classeur OpenDocument (.ods), sans mot de passe, et déposez-le sur le portail "
                "(Déposer un paquet ; ou POST /api/v1/submissions), ou envoyez-le au "
                "secrétariat, qui le dépose avec la commande vrs submit.",
                "Il est vérifié immédiatement. Les erreurs rejettent tout le paquet et rien "
                "n'en est chargé : corrigez-les et envoyez-le de nouveau. Les avertissements ne "
                "l'arrêtent pas. Le rapport donne chaque problème avec sa feuille, sa ligne et "
                "sa colonne, avec une copie de votre classeur où les cellules sont marquées.",
                "Un paquet corrigé pour le même État, le même service et la même période "
                "remplace le précédent. Pour retirer un rapport, envoyez la seule feuille "
                "submission avec action à Retirer.",
            ],
        ),
    ],
    "es": [
        (
            "Qué es este libro",
            [
                "Un paquete de notificación: un libro = un Estado notificante × un organismo "
                "notificante × un período. Contiene recuentos y categorías sobre hechos y "
                "personas, nunca nada que identifique a una persona.",
                "Complete primero la hoja submission, después las hojas de las tablas que "
                "notifica, y envíe el libro (véase la última sección). El informe que recibirá "
                "está en el idioma del campo language.",
            ],
        ),
        (
            "Una hoja por tabla",
            [
                "{tables}",
                "La fila 1 de cada hoja es el encabezado: no cambie el nombre de las hojas ni "
                "de las celdas de encabezado, y no añada columnas; el orden de las columnas es "
                "libre. Pase el ratón sobre un encabezado para leer su nota. Los encabezados "
                "naranjas deben tener un valor en cada fila, los azules son opcionales.",
                "Una tabla que no notifica: elimine su hoja. Una hoja ausente significa «no "
                "notificado»; una hoja que solo conserva su fila de encabezado significa "
                "«notificado: nada en este período».",
                "Las hojas cuyo nombre empieza por _ (esta, y la hoja oculta {lists_sheet} que "
                "contiene las listas desplegables) se ignoran al leer el paquete. No modifique "
                "{lists_sheet}.",
            ],
        ),
        (
            "Códigos y listas desplegables",
            [
                "Las columnas codificadas tienen una lista desplegable en las filas 2 a "
                "{last_row}, con las etiquetas en español. También se acepta el código, o una "
                "etiqueta en inglés o en francés. Excel advierte de un valor fuera de la "
                "lista: al comprobar el paquete, ese valor es un error en una columna "
                "obligatoria y una advertencia en una opcional.",
                "Varios valores en una celda: las columnas {multi_columns} admiten varios "
                "códigos. Escríbalos separados por ; (por ejemplo: messaging_app;social_media). "
                "La lista desplegable da un valor; la nota del encabezado da todos los códigos.",
                "Países: elija un nombre en la lista, o escriba un código ISO 3166 (AFG o AF), "
                "un número M49 de la ONU, o el nombre en inglés, francés o español. XXA = "
                "apátrida, XXX = desconocido. Una ruta (route) da los países del viaje en "
                "orden, separados por > (por ejemplo: AFG > PAK > MYS > IDN): el origen "
                "primero, el destino previsto al final, al menos dos.",
            ],
        ),
        (
            "Vacío o 0",
            [
                "Una celda vacía significa «desconocido» (no notificado); 0 significa "
                "«ninguno». No escriba nunca 0 para una cifra que no conoce.",
                "Los recuentos son números enteros, 0 o más, sin separador de miles. En "
                "border_events, una cifra que no comunica: obs_status Q, y el valor vacío.",
            ],
        ),
        (
            "Fechas, importes y edades",
            [
                "Fechas: AAAA-MM-DD (2024-02-03) o una fecha de Excel. DD/MM/AAAA o MM/DD/AAAA "
                "solo si se declara en el campo date_format de submission (DD/MM/YYYY o "
                "MM/DD/YYYY); un año de dos cifras (24/02/19) se lee en el siglo más cercano "
                "al período. Una fecha fuera del período se señala con una advertencia; a más "
                "de un año, o antes de 1900, es un error.",
                "Importes: fee_per_migrant es lo que pagó un migrante, un número sin símbolo "
                "de moneda ni separador de miles; fee_currency es su código ISO 4217 (USD, "
                "EUR…). Complete los dos o ninguno.",
                "Grupos de edad: sus propios grupos, como 18-24, <18, 65+, menor, adulto o "
                "desconocido, como texto (un 25 solo se lee como la edad exacta 25, con una "
                "advertencia).",
            ],
        ),
        (
            "Datos personales: nunca",
            [
                "No escriba nunca nombres, fechas de nacimiento, números de pasaporte o de "
                "documento de identidad, números de teléfono, direcciones, correos "
                "electrónicos ni ningún otro identificador de una persona: ni en el texto "
                "libre, ni en incident_ref, ni en una columna añadida.",
                "Un paquete en el que se encuentren esos datos se rechaza entero; el informe "
                "indica la celda sin repetir su contenido.",
            ],
        ),
        (
            "Texto libre, fórmulas y límites",
            [
                "El texto libre (comentarios, lugares, notas, observaciones) tiene como máximo "
                "{max_chars} caracteres por celda.",
                "Escriba valores, no fórmulas: una celda con fórmula se señala y solo se usa "
                "el último valor calculado por Excel (Pegado especial > Valores). Un texto que "
                "empieza por =, +, - o @ se conserva como texto.",
                "Como máximo {max_mb} MB por archivo y {max_rows} filas por tabla.",
            ],
        ),
        (
            "Enviar el paquete",
            [
                "Guárdelo como libro de Excel (.xlsx, o el antiguo .xls) o como hoja de "
                "cálculo OpenDocument (.ods), sin contraseña, y cárguelo en el portal (Cargar "
                "un paquete; o POST /api/v1/submissions), o envíelo a la secretaría, que lo "
                "carga con la orden vrs submit.",
                "Se comprueba en el acto. Los errores rechazan todo el paquete y no se carga "
                "nada de él: corríjalos y envíelo de nuevo. Las advertencias no lo detienen. El "
                "informe indica cada problema con su hoja, fila y columna, junto con una copia "
                "de su libro con las celdas marcadas.",
                "Un paquete corregido para el mismo Estado, organismo y período reemplaza al "
                "anterior. Para retirar un informe, envíe solo la hoja submission con action "
                "en Retirar.",
            ],
        ),
    ],
}

# --- the columns, as their contracts describe them ------------------------------------------


@dataclass(frozen=True)
class ColumnSpec:
    """One column of the template, from its contract's checks."""

    table: str
    name: str
    required: bool  # a value is needed on every row
    checks: Mapping[str, Mapping[str, Any]]  # check name -> its statistics (None dropped)

    @property
    def codelist(self) -> str | None:
        return self.checks.get("codelist", {}).get("name")

    @property
    def multi(self) -> bool:
        return bool(self.checks.get("codelist", {}).get("multi"))


def column_specs(table: str) -> list[ColumnSpec]:
    """The template's columns of ``table``, in order."""
    contract = schema(table)
    out = []
    for name in columns(table):
        column = contract.columns[name]
        checks = {
            check.name: {k: v for k, v in (check.statistics or {}).items() if v is not None}
            for check in column.checks
        }
        out.append(ColumnSpec(table, name, column.required and not column.nullable, checks))
    return out


@dataclass(frozen=True)
class Choices:
    """A drop-down list: what it shows, and the code each entry stands for."""

    key: str  # the header of its column on the lists sheet
    shown: tuple[str, ...]
    codes: tuple[str, ...]


@cache
def _countries(language: Language, with_none: bool) -> Choices:
    """Country names in ``language`` (each one accepted by the country lookup), in
    alphabetical order, the stateless / unknown codes last."""
    with COUNTRIES_SEED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows.sort(key=lambda r: (r["is_special"] == "true", normalise_text(r[f"name_{language}"])))
    shown = [r[f"name_{language}"] or r["iso3"] for r in rows]
    codes = [r["iso3"] for r in rows]
    if with_none:
        shown.append(NO_COUNTRY)
        codes.append(NO_COUNTRY)
    return Choices("countries_or_none" if with_none else "countries", tuple(shown), tuple(codes))


@cache
def _currencies() -> Choices:
    with CURRENCIES_SEED.open(encoding="utf-8", newline="") as fh:
        codes = tuple(sorted({row["currency"].upper() for row in csv.DictReader(fh)}))
    return Choices("currencies", codes, codes)


def choices(spec: ColumnSpec, language: Language) -> Choices | None:
    """The drop-down of a column in ``language``, or None when it has none."""
    if spec.codelist is not None:
        codelist = load_codelists()[spec.codelist]
        shown = tuple(codelist.labels[code][language] or code for code in codelist.codes)
        return Choices(spec.codelist, shown, codelist.codes)
    if "country" in spec.checks:
        return _countries(language, bool(spec.checks["country"].get("allow_none")))
    if "currency" in spec.checks:
        return _currencies()
    if spec.table == SUBMISSION and spec.name in OPTIONS:
        values = OPTIONS[spec.name]
        return Choices(spec.name, values, values)
    return None


def _help_key(table: str, column: str) -> str:
    return f"{table}.{column}" if f"{table}.{column}" in COLUMN_HELP else column


def column_note(spec: ColumnSpec, language: Language, limits: Limits) -> str:
    """What a column means and takes, in ``language``: the note of its header."""
    status = TEXT["required" if spec.required else "optional"][language]
    lines = [f"{spec.name} — {status}"]
    if (meaning := COLUMN_HELP.get(_help_key(spec.table, spec.name))) is not None:
        lines.append(meaning[language])
    values = {
        "max_chars": _number(limits.max_text_chars, language),
        "version": TEMPLATE_VERSION,
    }
    for check in spec.checks:
        if check == "codelist":
            lines.append(FORMAT_HELP["codelist"][language].format(list=spec.codelist))
        elif check in FORMAT_HELP:
            lines.append(FORMAT_HELP[check][language].format_map(values))
        if check == "country" and spec.checks["country"].get("allow_none"):
            lines.append(FORMAT_HELP["allow_none"][language])
    if spec.multi and spec.codelist is not None:
        codelist = load_codelists()[spec.codelist]
        example = MULTI_SEPARATOR.join(codelist.codes[:2])
        lines.append(FORMAT_HELP["multi"][language].format(example=example))
        lines.append(TEXT["codes"][language])
        lines += [f"  {code} — {codelist.labels[code][language]}" for code in codelist.codes]
    return "\n".join(lines)


# --- the workbook ---------------------------------------------------------------------------


class _Lists:
    """The hidden sheet of the drop-down lists: per list, the shown values and their codes."""

    def __init__(self, workbook: Any, cells: CellWriter) -> None:
        self.sheet = workbook.add_worksheet(LISTS_SHEET)
        self.sheet.hide()
        self.cells = cells
        self.ranges: dict[str, str] = {}

    def source(self, choice: Choices) -> str:
        """The range a data validation takes its list from (the shown values)."""
        if choice.key not in self.ranges:
            col = 2 * len(self.ranges)
            self.cells.write(self.sheet, 0, col, choice.key, {"bold": True})
            self.cells.write(self.sheet, 0, col + 1, f"{choice.key}:code", {"bold": True})
            for row, (shown, code) in enumerate(zip(choice.shown, choice.codes, strict=True)):
                self.cells.write(self.sheet, row + 1, col, shown)
                self.cells.write(self.sheet, row + 1, col + 1, code)
            self.sheet.set_column(col, col, 40)
            letter = xl_col_to_name(col)
            self.ranges[choice.key] = (
                f"={quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(choice.shown) + 1}"
            )
        return self.ranges[choice.key]


def _drop_down(
    sheet: Any, rows: tuple[int, int], col: int, source: str, multi: bool, language: Language
) -> None:
    options: dict[str, Any] = {
        "validate": "list",
        "source": source,
        "ignore_blank": True,
        "error_title": TEXT["not_listed_title"][language],
        "error_message": TEXT["not_listed"][language],
        # Codes, other languages' labels and synonyms are valid too: warn, never refuse.
        "error_type": "warning",
    }
    if multi:
        # One pick per drop-down; several values are typed: say how, and let them in.
        options |= {
            "error_type": "information",
            "input_title": TEXT["several_title"][language],
            "input_message": TEXT["several"][language].format(example="a;b"),
        }
    if sheet.data_validation(rows[0], col, rows[1], col, options) != 0:
        raise ValueError(f"xlsxwriter refused the drop-down of column {col} of {sheet.name}")


def _note_size(text: str) -> dict[str, int]:
    lines = sum(1 + len(line) // 55 for line in text.splitlines())
    return {"width": 400, "height": min(600, 18 + 15 * lines)}


def _number(n: int, language: Language) -> str:
    text = f"{n:,}"
    return {"en": text, "fr": text.replace(",", "\u202f"), "es": text.replace(",", ".")}[language]


def _instruction_values(language: Language, limits: Limits) -> dict[str, str]:
    multi = [
        f"{table}.{spec.name}"
        for table in DATA_TABLES
        for spec in column_specs(table)
        if spec.multi
    ]
    return {
        "lists_sheet": LISTS_SHEET,
        "last_row": _number(LAST_ROW, language),
        "multi_columns": ", ".join(multi),
        "max_chars": _number(limits.max_text_chars, language),
        "max_mb": _number(limits.max_package_bytes // (1024 * 1024), language),
        "max_rows": _number(limits.max_rows_per_table, language),
    }


def _instructions(sheet: Any, cells: CellWriter, language: Language, limits: Limits) -> None:
    sheet.set_column(0, 0, 100)
    sheet.set_column(1, 1, 14)
    sheet.set_column(2, 2, 90)
    values = _instruction_values(language, limits)
    cells.write(sheet, 0, 0, TEXT["title"][language].format(version=TEMPLATE_VERSION), TITLE)
    row = 2
    for heading, paragraphs in INSTRUCTIONS[language]:
        cells.write(sheet, row, 0, heading, HEADING)
        row += 1
        for paragraph in paragraphs:
            if paragraph == "{tables}":
                for table in CONTRACTS:
                    cells.write(sheet, row, 0, f"• {table}: {TABLE_HELP[table][language]}", WRAP)
                    row += 1
                continue
            cells.write(sheet, row, 0, paragraph.format_map(values), WRAP)
            row += 1
        row += 1
    cells.write(sheet, row, 0, TEXT["columns_heading"][language], HEADING)
    row += 1
    for col, word in enumerate(TEXT["columns_header"][language].split("|")):
        cells.write(sheet, row, col, word, {"bold": True})
    for table in CONTRACTS:
        for spec in column_specs(table):
            row += 1
            note = column_note(spec, language, limits).split("\n", 1)[1]
            status = TEXT["required" if spec.required else "optional"][language]
            cells.write(sheet, row, 0, f"{table}.{spec.name}", {"valign": "top"})
            cells.write(sheet, row, 1, status, {"valign": "top"})
            cells.write(sheet, row, 2, note, WRAP)
    sheet.activate()


def _submission(
    sheet: Any, cells: CellWriter, lists: _Lists, language: Language, limits: Limits
) -> None:
    """The two-column field/value form; column C explains each field (the readers take the
    field and value columns only)."""
    sheet.set_column(0, 0, 32)
    sheet.set_column(1, 1, 48, cells.format(TEXT_COLUMN))
    sheet.set_column(2, 2, 100, cells.format(WRAP))
    for col, (header, note) in enumerate((("field", "field_note"), ("value", "value_note"))):
        cells.write(sheet, 0, col, header, OPTIONAL_HEADER)
        sheet.write_comment(0, col, TEXT[note][language], _note_size(TEXT[note][language]))
    prefilled = {"template_version": TEMPLATE_VERSION, "language": language}
    for row, spec in enumerate(column_specs(SUBMISSION), start=1):
        cells.write(sheet, row, 0, spec.name, REQUIRED_HEADER if spec.required else None)
        cells.write(sheet, row, 1, prefilled.get(spec.name), TEXT_COLUMN)
        note = column_note(spec, language, limits)
        cells.write(sheet, row, 2, note.split("\n", 1)[1].replace("\n", " "), WRAP)
        if (choice := choices(spec, language)) is not None:
            _drop_down(sheet, (row, row), 1, lists.source(choice), spec.multi, language)
    sheet.freeze_panes(1, 0)


def _table(
    sheet: Any, table: str, cells: CellWriter, lists: _Lists, language: Language, limits: Limits
) -> None:
    for col, spec in enumerate(column_specs(table)):
        header = REQUIRED_HEADER if spec.required else OPTIONAL_HEADER
        cells.write(sheet, 0, col, spec.name, header)
        note = column_note(spec, language, limits)
        sheet.write_comment(0, col, note, {"author": "vrs", **_note_size(note)})
        choice = choices(spec, language)
        if "date" in spec.checks:
            style: dict[str, Any] | None = DATE_COLUMN
        elif {"count", "amount"} & set(spec.checks):
            style = None  # numbers stay numbers
        else:
            style = TEXT_COLUMN
        width = 30 if choice is not None or "max_chars" in spec.checks else len(spec.name) + 4
        sheet.set_column(col, col, max(width, 12), cells.format(style))
        if choice is not None:
            source = lists.source(choice)
            _drop_down(sheet, (1, LAST_ROW - 1), col, source, spec.multi, language)
    sheet.freeze_panes(1, 0)


def build_template(language: str, limits: Limits | None = None) -> bytes:
    """The reporting template in ``language`` (en, fr or es), as the bytes of an .xlsx file.

    Sheets: the instructions (first), ``submission`` (a field/value form, template_version
    and language filled in), one sheet per table with its header row, and the hidden lists of
    the drop-downs. Filled in, it is a package as spec §1 describes; the limits it quotes are
    ``limits`` (by default the environment's)."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    lang: Language = language  # type: ignore[assignment]
    limits = limits or Limits.from_env()
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, **WORKBOOK_OPTIONS})
    title = TEXT["title"][lang].format(version=TEMPLATE_VERSION)
    workbook.set_properties({"title": title, "author": "vrs", "created": CREATED})
    cells = CellWriter(workbook)
    instructions = workbook.add_worksheet(TEXT["instructions_sheet"][lang])
    sheets = {table: workbook.add_worksheet(table) for table in CONTRACTS}
    lists = _Lists(workbook, cells)
    _instructions(instructions, cells, lang, limits)
    _submission(sheets[SUBMISSION], cells, lists, lang, limits)
    for table in DATA_TABLES:
        _table(sheets[table], table, cells, lists, lang, limits)
    workbook.close()
    return buffer.getvalue()
