"""The portal's words in English, French and Spanish (error messages come from the contracts'
own catalogue, contracts.rules)."""

from __future__ import annotations

from contracts.rules import LANGUAGES, Language

WORDS: dict[str, dict[Language, str]] = {
    "title": {
        "en": "Voluntary reporting on migrant smuggling",
        "fr": "Déclaration volontaire sur le trafic illicite de migrants",
        "es": "Notificación voluntaria sobre el tráfico ilícito de migrantes",
    },
    "login": {"en": "Log in", "fr": "Se connecter", "es": "Iniciar sesión"},
    "logout": {"en": "Log out", "fr": "Se déconnecter", "es": "Cerrar sesión"},
    "username": {"en": "User name", "fr": "Nom d'utilisateur", "es": "Nombre de usuario"},
    "password": {"en": "Password", "fr": "Mot de passe", "es": "Contraseña"},
    "login_failed": {
        "en": "Wrong user name or password.",
        "fr": "Nom d'utilisateur ou mot de passe incorrect.",
        "es": "Nombre de usuario o contraseña incorrectos.",
    },
    "login_locked": {
        "en": "Too many failed attempts: try again in 15 minutes.",
        "fr": "Trop de tentatives échouées : réessayez dans 15 minutes.",
        "es": "Demasiados intentos fallidos: vuelva a intentarlo en 15 minutos.",
    },
    "login_expired": {
        "en": "This login form has expired or did not come from this site: log in again.",
        "fr": "Ce formulaire de connexion a expiré ou ne provient pas de ce site : "
        "connectez-vous à nouveau.",
        "es": "Este formulario de inicio de sesión ha caducado o no procede de este sitio: "
        "inicie sesión de nuevo.",
    },
    "login_too_long": {
        "en": "{field}: too long, at most {max} characters. Correct it and log in again.",
        "fr": "{field} : trop long, {max} caractères au plus. Corrigez-le et connectez-vous à "
        "nouveau.",
        "es": "{field}: demasiado largo, {max} caracteres como máximo. Corríjalo e inicie "
        "sesión de nuevo.",
    },
    "signed_in_as": {"en": "Signed in as", "fr": "Connecté en tant que", "es": "Conectado como"},
    "submissions": {"en": "My submissions", "fr": "Mes soumissions", "es": "Mis envíos"},
    "all_submissions": {
        "en": "All submissions",
        "fr": "Toutes les soumissions",
        "es": "Todos los envíos",
    },
    "upload": {"en": "Upload a package", "fr": "Déposer un paquet", "es": "Cargar un paquete"},
    "upload_help": {
        "en": "A spreadsheet (Excel .xlsx or .xls, OpenDocument .ods), a CSV bundle (.zip) or "
        "a JSON file (.json), at most {limit} MB. It is checked at once; an accepted package "
        "goes on to the warehouse.",
        "fr": "Un classeur (Excel .xlsx ou .xls, OpenDocument .ods), un lot CSV (.zip) ou un "
        "fichier JSON (.json), {limit} Mo au plus. Il est vérifié immédiatement ; un paquet "
        "accepté est transmis à l'entrepôt.",
        "es": "Una hoja de cálculo (Excel .xlsx o .xls, OpenDocument .ods), un lote CSV (.zip) "
        "o un archivo JSON (.json), de {limit} MB como máximo. Se comprueba en el acto; un "
        "paquete aceptado pasa al almacén.",
    },
    "file": {"en": "File", "fr": "Fichier", "es": "Archivo"},
    "send": {"en": "Upload and check", "fr": "Déposer et vérifier", "es": "Cargar y comprobar"},
    "template": {
        "en": "Excel template",
        "fr": "Modèle Excel",
        "es": "Plantilla de Excel",
    },
    "template_help": {
        "en": "The reporting template, with drop-down lists of every code and instructions.",
        "fr": "Le modèle de déclaration, avec les listes déroulantes de tous les codes et "
        "les instructions.",
        "es": "La plantilla de notificación, con listas desplegables de todos los códigos e "
        "instrucciones.",
    },
    "download": {"en": "Download", "fr": "Télécharger", "es": "Descargar"},
    "share": {"en": "My data share", "fr": "Mes données", "es": "Mis datos"},
    "share_help": {
        "en": "Your state's own data in full, and other states' aggregate data for the years "
        "in which your state reported, with small counts withheld.",
        "fr": "Les données de votre État au complet, et les données agrégées des autres États "
        "pour les années où votre État a déclaré, les petits effectifs étant masqués.",
        "es": "Los datos de su Estado completos, y los datos agregados de los demás Estados "
        "para los años en que su Estado notificó, sin los recuentos pequeños.",
    },
    "share_secretariat": {
        "en": "The full published snapshot (all states).",
        "fr": "L'instantané publié complet (tous les États).",
        "es": "La instantánea publicada completa (todos los Estados).",
    },
    "share_missing": {
        "en": "Nothing has been published yet.",
        "fr": "Rien n'a encore été publié.",
        "es": "Todavía no se ha publicado nada.",
    },
    "share_zip": {
        "en": "Everything (DuckDB and Parquet, zip)",
        "fr": "Tout (DuckDB et Parquet, zip)",
        "es": "Todo (DuckDB y Parquet, zip)",
    },
    "built": {"en": "Built", "fr": "Construit", "es": "Generado"},
    "received": {"en": "Received", "fr": "Reçu", "es": "Recibido"},
    "state": {"en": "State", "fr": "État", "es": "Estado"},
    "agency": {"en": "Agency", "fr": "Service", "es": "Organismo"},
    "period": {"en": "Period", "fr": "Période", "es": "Período"},
    "status": {"en": "Status", "fr": "Statut", "es": "Estado del envío"},
    "errors": {"en": "Errors", "fr": "Erreurs", "es": "Errores"},
    "warnings": {"en": "Warnings", "fr": "Avertissements", "es": "Advertencias"},
    "none_yet": {
        "en": "No submissions yet.",
        "fr": "Aucune soumission pour l'instant.",
        "es": "Todavía no hay envíos.",
    },
    "result": {"en": "Result", "fr": "Résultat", "es": "Resultado"},
    "accepted_msg": {
        "en": "Accepted: the package is on its way to the warehouse.",
        "fr": "Accepté : le paquet est transmis à l'entrepôt.",
        "es": "Aceptado: el paquete va camino del almacén.",
    },
    "rejected_msg": {
        "en": "Rejected: correct the errors below and upload the package again.",
        "fr": "Rejeté : corrigez les erreurs ci-dessous et déposez à nouveau le paquet.",
        "es": "Rechazado: corrija los errores siguientes y vuelva a cargar el paquete.",
    },
    "refused_msg": {
        "en": "Refused: you may only submit packages for your own state.",
        "fr": "Refusé : vous ne pouvez soumettre que des paquets de votre propre État.",
        "es": "Denegado: solo puede enviar paquetes de su propio Estado.",
    },
    "too_large_msg": {
        "en": "Refused: the file is larger than {limit} MB.",
        "fr": "Refusé : le fichier dépasse {limit} Mo.",
        "es": "Denegado: el archivo supera {limit} MB.",
    },
    "no_file_msg": {
        "en": "Choose a file to upload.",
        "fr": "Choisissez un fichier à déposer.",
        "es": "Elija un archivo para cargar.",
    },
    "annotated": {
        "en": "Annotated workbook (errors marked)",
        "fr": "Classeur annoté (erreurs signalées)",
        "es": "Libro anotado (errores señalados)",
    },
    "report_json": {"en": "Report (JSON)", "fr": "Rapport (JSON)", "es": "Informe (JSON)"},
    "severity": {"en": "Severity", "fr": "Gravité", "es": "Gravedad"},
    "rule": {"en": "Rule", "fr": "Règle", "es": "Regla"},
    "where": {"en": "Where", "fr": "Emplacement", "es": "Ubicación"},
    "value": {"en": "Value", "fr": "Valeur", "es": "Valor"},
    "message": {"en": "Message", "fr": "Message", "es": "Mensaje"},
    "hint": {"en": "How to fix", "fr": "Comment corriger", "es": "Cómo corregir"},
    "forbidden": {
        "en": "You may not do this.",
        "fr": "Vous n'êtes pas autorisé à faire ceci.",
        "es": "No está autorizado a hacer esto.",
    },
    "not_found": {"en": "Not found.", "fr": "Introuvable.", "es": "No encontrado."},
    "invalid_request": {
        "en": "This request is not valid (check the address).",
        "fr": "Cette requête n'est pas valide (vérifiez l'adresse).",
        "es": "Esta solicitud no es válida (compruebe la dirección).",
    },
    "severity_error": {"en": "error", "fr": "erreur", "es": "error"},
    "severity_warning": {"en": "warning", "fr": "avertissement", "es": "advertencia"},
    "status_received": {"en": "received", "fr": "reçu", "es": "recibido"},
    "status_validated": {"en": "validated", "fr": "validé", "es": "validado"},
    "status_rejected": {"en": "rejected", "fr": "rejeté", "es": "rechazado"},
    "status_refused": {"en": "refused", "fr": "refusé", "es": "denegado"},
    "status_loaded": {"en": "loaded", "fr": "chargé", "es": "cargado"},
    "status_published": {"en": "published", "fr": "publié", "es": "publicado"},
    "language": {"en": "Language", "fr": "Langue", "es": "Idioma"},
}


def translator(language: Language):
    """``t(key, **values)`` in ``language``."""

    def t(key: str, **values: object) -> str:
        text = WORDS[key][language]
        return text.format(**values) if values else text

    return t


def pick_language(query: str | None, cookie: str | None, accept: str | None) -> Language:
    """The page's language: asked for in the URL, else remembered, else the browser's."""
    for candidate in (query, cookie):
        if candidate in LANGUAGES:
            return candidate  # type: ignore[return-value]
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code  # type: ignore[return-value]
    return "en"
