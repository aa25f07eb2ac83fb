"""The catalogue of acceptance rules (spec §4–5): one code each, its severity, and what the
state reads — a message and a hint — in English, French and Spanish.

Messages are templates over a few named parameters, filled per issue:
``{table}``, ``{column}``, ``{expected}``, ``{detail}`` (and ``{found}``, the kind of
file a mismatched one holds). A value is never put into a message:
it travels in the issue's own ``value`` field, which personal-data rules leave empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Language = Literal["en", "fr", "es"]
LANGUAGES: tuple[Language, ...] = ("en", "fr", "es")


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    message: dict[Language, str]
    hint: dict[Language, str]
    # Personal-data rules name the cell but never echo what is in it (spec §5).
    conceals_value: bool = False


def _r(
    code: str,
    severity: Severity,
    message: tuple[str, str, str],
    hint: tuple[str, str, str],
    *,
    conceals_value: bool = False,
) -> Rule:
    return Rule(
        code,
        severity,
        dict(zip(LANGUAGES, message, strict=True)),
        dict(zip(LANGUAGES, hint, strict=True)),
        conceals_value,
    )


E: Severity = "error"
W: Severity = "warning"

_RULES = [
    # --- the file itself -------------------------------------------------------------------
    _r(
        "unsupported_file_type",
        E,
        (
            "The file type {detail} is not accepted.",
            "Le type de fichier {detail} n'est pas accepté.",
            "El tipo de archivo {detail} no se acepta.",
        ),
        (
            "Send a spreadsheet (Excel .xlsx or .xls, OpenDocument .ods), a zip of CSV files "
            "(.zip) or a JSON file (.json).",
            "Envoyez un classeur (Excel .xlsx ou .xls, OpenDocument .ods), un zip de fichiers "
            "CSV (.zip) ou un fichier JSON (.json).",
            "Envíe una hoja de cálculo (Excel .xlsx o .xls, OpenDocument .ods), un zip de "
            "archivos CSV (.zip) o un archivo JSON (.json).",
        ),
    ),
    _r(
        "file_type_mismatch",
        E,
        (
            "The file {detail} holds {found}, not {expected}.",
            "Le fichier {detail} contient {found}, et non {expected}.",
            "El archivo {detail} contiene {found}, no {expected}.",
        ),
        (
            "Rename the file to the extension of what it holds (.xlsx, .xls, .ods, .zip or "
            ".json), or save it again as {expected}.",
            "Renommez le fichier avec l'extension de son contenu (.xlsx, .xls, .ods, .zip ou "
            ".json), ou enregistrez-le de nouveau comme {expected}.",
            "Cambie la extensión del archivo por la de su contenido (.xlsx, .xls, .ods, .zip o "
            ".json), o guárdelo de nuevo como {expected}.",
        ),
    ),
    _r(
        "sheet_too_large",
        E,
        (
            "The sheet {table} spans {detail}: more cells than a file of this size can hold "
            "(at most {expected}).",
            "La feuille {table} s'étend sur {detail} : plus de cellules qu'un fichier de cette "
            "taille ne peut en contenir ({expected} au plus).",
            "La hoja {table} abarca {detail}: más celdas de las que un archivo de este tamaño "
            "puede contener ({expected} como máximo).",
        ),
        (
            "Delete what lies beyond the table (rows below it, columns to its right, a stray "
            "cell far away), save the file and send it again.",
            "Supprimez ce qui se trouve au-delà du tableau (lignes en dessous, colonnes à "
            "droite, une cellule isolée au loin), enregistrez le fichier et renvoyez-le.",
            "Elimine lo que quede fuera de la tabla (filas debajo, columnas a la derecha, una "
            "celda suelta lejos), guarde el archivo y vuelva a enviarlo.",
        ),
    ),
    _r(
        "file_unreadable",
        E,
        (
            "The file cannot be read as {expected}: {detail}.",
            "Le fichier ne peut pas être lu comme {expected} : {detail}.",
            "El archivo no puede leerse como {expected}: {detail}.",
        ),
        (
            "Open the file on your side to check it is not damaged, save it again and resend it.",
            "Ouvrez le fichier de votre côté pour vérifier qu'il n'est pas endommagé, "
            "enregistrez-le de nouveau et renvoyez-le.",
            "Abra el archivo para comprobar que no está dañado, guárdelo de nuevo y vuelva a enviarlo.",
        ),
    ),
    _r(
        "package_too_large",
        E,
        (
            "The package is larger than allowed: {detail} (limit {expected}).",
            "Le paquet dépasse la taille autorisée : {detail} (limite {expected}).",
            "El paquete supera el tamaño permitido: {detail} (límite {expected}).",
        ),
        (
            "Split the report into several periods or agencies, or contact the secretariat.",
            "Divisez le rapport par période ou par service, ou contactez le secrétariat.",
            "Divida el informe por período o por organismo, o contacte con la secretaría.",
        ),
    ),
    _r(
        "zip_bomb",
        E,
        (
            "The archive expands far beyond its size ({detail}; limit {expected}).",
            "L'archive se décompresse bien au-delà de sa taille ({detail} ; limite {expected}).",
            "El archivo se descomprime muy por encima de su tamaño ({detail}; límite {expected}).",
        ),
        (
            "Send the files with ordinary compression, and only the tables of the template.",
            "Envoyez les fichiers avec une compression ordinaire, et seulement les tables du modèle.",
            "Envíe los archivos con una compresión normal, y solo las tablas de la plantilla.",
        ),
    ),
    _r(
        "zip_unsafe_path",
        E,
        (
            "The archive contains a file path that points outside it: {detail}.",
            "L'archive contient un chemin qui sort de l'archive : {detail}.",
            "El archivo contiene una ruta que sale de él: {detail}.",
        ),
        (
            "Put the CSV files at the root of the zip, with plain names such as incidents.csv.",
            "Placez les fichiers CSV à la racine du zip, avec des noms simples comme incidents.csv.",
            "Coloque los archivos CSV en la raíz del zip, con nombres simples como incidents.csv.",
        ),
    ),
    _r(
        "zip_files_in_folder",
        W,
        (
            "The CSV files are inside the folder {detail} rather than at the root of the zip; "
            "they were read from there.",
            "Les fichiers CSV sont dans le dossier {detail} et non à la racine du zip ; "
            "ils ont été lus à cet endroit.",
            "Los archivos CSV están en la carpeta {detail} y no en la raíz del zip; "
            "se leyeron desde allí.",
        ),
        (
            "Next time, zip the files themselves rather than the folder that holds them.",
            "La prochaine fois, compressez les fichiers eux-mêmes plutôt que leur dossier.",
            "La próxima vez, comprima los archivos y no la carpeta que los contiene.",
        ),
    ),
    _r(
        "table_too_many_rows",
        E,
        (
            "Table {table} has {detail} rows; at most {expected} are accepted in one package.",
            "La table {table} compte {detail} lignes ; {expected} au plus sont acceptées par paquet.",
            "La tabla {table} tiene {detail} filas; se aceptan como máximo {expected} por paquete.",
        ),
        (
            "Split the report into several packages (for example one per agency or per month).",
            "Divisez le rapport en plusieurs paquets (par exemple un par service ou par mois).",
            "Divida el informe en varios paquetes (por ejemplo uno por organismo o por mes).",
        ),
    ),
    _r(
        "csv_malformed",
        E,
        (
            "The CSV file {table} cannot be split into columns here: {detail}.",
            "Le fichier CSV {table} ne peut pas être découpé en colonnes ici : {detail}.",
            "El archivo CSV {table} no puede dividirse en columnas aquí: {detail}.",
        ),
        (
            "Check the quotes and the number of separators on this line; quote values that "
            "contain the separator.",
            "Vérifiez les guillemets et le nombre de séparateurs sur cette ligne ; mettez entre "
            "guillemets les valeurs qui contiennent le séparateur.",
            "Revise las comillas y el número de separadores en esta línea; ponga entre comillas "
            "los valores que contienen el separador.",
        ),
    ),
    _r(
        "formula_cell",
        W,
        (
            "The cell holds a formula; the value the spreadsheet last calculated for it was used.",
            "La cellule contient une formule ; la dernière valeur calculée par le tableur a été "
            "utilisée.",
            "La celda contiene una fórmula; se usó el último valor calculado por la hoja de "
            "cálculo.",
        ),
        (
            "Paste the values instead of formulas (Paste special > Values) before sending.",
            "Collez les valeurs à la place des formules (Collage spécial > Valeurs) avant l'envoi.",
            "Pegue los valores en lugar de las fórmulas (Pegado especial > Valores) antes de enviar.",
        ),
    ),
    _r(
        "more_formula_cells",
        W,
        (
            "{detail} more cells of sheet {table} hold a formula; only the first ones are listed.",
            "{detail} autres cellules de la feuille {table} contiennent une formule ; seules "
            "les premières sont listées.",
            "Otras {detail} celdas de la hoja {table} contienen una fórmula; solo se listan "
            "las primeras.",
        ),
        (
            "Paste the values instead of formulas (Paste special > Values) before sending.",
            "Collez les valeurs à la place des formules (Collage spécial > Valeurs) avant l'envoi.",
            "Pegue los valores en lugar de las fórmulas (Pegado especial > Valores) antes de "
            "enviar.",
        ),
    ),
    # --- tables and columns ----------------------------------------------------------------
    _r(
        "missing_submission",
        E,
        (
            "The package has no submission table.",
            "Le paquet ne contient pas de table submission.",
            "El paquete no contiene la tabla submission.",
        ),
        (
            'Add a sheet (or submission.csv, or a "submission" key) with the fields '
            "reporting_state, reporting_agency, period and template_version.",
            'Ajoutez une feuille (ou submission.csv, ou une clé "submission") avec les champs '
            "reporting_state, reporting_agency, period et template_version.",
            'Añada una hoja (o submission.csv, o una clave "submission") con los campos '
            "reporting_state, reporting_agency, period y template_version.",
        ),
    ),
    _r(
        "submission_layout",
        E,
        (
            "The submission table must hold exactly one record: {detail}.",
            "La table submission doit contenir exactement un enregistrement : {detail}.",
            "La tabla submission debe contener exactamente un registro: {detail}.",
        ),
        (
            "In a sheet or CSV file use two columns, field and value, one field per line; "
            "in JSON use one object.",
            "Dans une feuille ou un fichier CSV, utilisez deux colonnes, field et value, un champ "
            "par ligne ; en JSON, un seul objet.",
            "En una hoja o archivo CSV use dos columnas, field y value, un campo por línea; "
            "en JSON, un solo objeto.",
        ),
    ),
    _r(
        "missing_required_field",
        E,
        (
            "The submission field {column} is missing or empty.",
            "Le champ {column} de la table submission est absent ou vide.",
            "El campo {column} de la tabla submission falta o está vacío.",
        ),
        (
            "Fill in {column}: {expected}.",
            "Renseignez {column} : {expected}.",
            "Complete {column}: {expected}.",
        ),
    ),
    _r(
        "unknown_submission_field",
        W,
        (
            "The submission field {column} is not part of the template and was ignored.",
            "Le champ {column} ne fait pas partie du modèle et a été ignoré.",
            "El campo {column} no forma parte de la plantilla y se ignoró.",
        ),
        (
            "Remove it, or check its spelling against the template.",
            "Supprimez-le, ou vérifiez son orthographe par rapport au modèle.",
            "Elimínelo, o revise su ortografía según la plantilla.",
        ),
    ),
    _r(
        "unknown_table",
        W,
        (
            "The table {table} is not part of the template and was ignored.",
            "La table {table} ne fait pas partie du modèle et a été ignorée.",
            "La tabla {table} no forma parte de la plantilla y se ignoró.",
        ),
        (
            "Tables are: {expected}. Rename it if it is one of them.",
            "Les tables sont : {expected}. Renommez-la si c'est l'une d'elles.",
            "Las tablas son: {expected}. Cámbiele el nombre si es una de ellas.",
        ),
    ),
    _r(
        "duplicate_table",
        E,
        (
            "The table {table} appears more than once ({detail}).",
            "La table {table} apparaît plusieurs fois ({detail}).",
            "La tabla {table} aparece más de una vez ({detail}).",
        ),
        (
            "Keep one sheet or file per table.",
            "Gardez une seule feuille ou un seul fichier par table.",
            "Conserve una sola hoja o archivo por tabla.",
        ),
    ),
    _r(
        "missing_required_column",
        E,
        (
            "Table {table} has no column {column}.",
            "La table {table} n'a pas de colonne {column}.",
            "La tabla {table} no tiene la columna {column}.",
        ),
        (
            "Add the column {column} to the header row ({expected}).",
            "Ajoutez la colonne {column} à la ligne d'en-tête ({expected}).",
            "Añada la columna {column} a la fila de encabezado ({expected}).",
        ),
    ),
    _r(
        "duplicate_column",
        E,
        (
            "Table {table} has the column {column} more than once.",
            "La table {table} contient plusieurs fois la colonne {column}.",
            "La tabla {table} tiene la columna {column} más de una vez.",
        ),
        (
            "Keep one column per name.",
            "Gardez une seule colonne par nom.",
            "Conserve una sola columna por nombre.",
        ),
    ),
    _r(
        "unknown_column",
        W,
        (
            "The column {column} is not part of table {table}; it was kept as submitted "
            "but is not used.",
            "La colonne {column} ne fait pas partie de la table {table} ; elle est conservée "
            "telle quelle mais n'est pas utilisée.",
            "La columna {column} no forma parte de la tabla {table}; se conserva tal cual "
            "pero no se usa.",
        ),
        (
            "Check its spelling against the template: {expected}.",
            "Vérifiez son orthographe par rapport au modèle : {expected}.",
            "Revise su ortografía según la plantilla: {expected}.",
        ),
    ),
    _r(
        "unnamed_column",
        W,
        (
            "A column of table {table} has values but no name in the header row; it was ignored.",
            "Une colonne de la table {table} contient des valeurs mais pas de nom d'en-tête ; "
            "elle a été ignorée.",
            "Una columna de la tabla {table} tiene valores pero no tiene nombre en el "
            "encabezado; se ignoró.",
        ),
        (
            "Give the column a name from the template, or delete it.",
            "Donnez à la colonne un nom du modèle, ou supprimez-la.",
            "Dé a la columna un nombre de la plantilla, o elimínela.",
        ),
    ),
    _r(
        "delete_has_data",
        W,
        (
            "This package withdraws a report; its table {table} was ignored.",
            "Ce paquet retire un rapport ; sa table {table} a été ignorée.",
            "Este paquete retira un informe; su tabla {table} se ignoró.",
        ),
        (
            "To correct a report rather than withdraw it, use action = replace.",
            "Pour corriger un rapport plutôt que le retirer, utilisez action = replace.",
            "Para corregir un informe en lugar de retirarlo, use action = replace.",
        ),
    ),
    _r(
        "nothing_to_withdraw",
        W,
        (
            "There is no current report for this state, agency and period to withdraw.",
            "Il n'existe pas de rapport en vigueur pour cet État, ce service et cette période.",
            "No hay un informe vigente de este Estado, organismo y período que retirar.",
        ),
        (
            "Check reporting_agency and period: they must match the report to withdraw exactly.",
            "Vérifiez reporting_agency et period : ils doivent correspondre au rapport à retirer.",
            "Revise reporting_agency y period: deben coincidir con el informe que se retira.",
        ),
    ),
    # --- the submission record -------------------------------------------------------------
    _r(
        "unsupported_template_version",
        E,
        (
            "The template version is not supported.",
            "La version du modèle n'est pas prise en charge.",
            "La versión de la plantilla no es compatible.",
        ),
        (
            "Use the current template: template_version = {expected}.",
            "Utilisez le modèle en vigueur : template_version = {expected}.",
            "Use la plantilla vigente: template_version = {expected}.",
        ),
    ),
    _r(
        "invalid_period",
        E,
        (
            "The period is not a month, quarter, half-year or year.",
            "La période n'est ni un mois, ni un trimestre, ni un semestre, ni une année.",
            "El período no es un mes, un trimestre, un semestre ni un año.",
        ),
        (
            "Write it as {expected}.",
            "Écrivez-la sous la forme {expected}.",
            "Escríbalo como {expected}.",
        ),
    ),
    _r(
        "invalid_option",
        E,
        (
            "The value of {column} is not one of the accepted options.",
            "La valeur de {column} ne fait pas partie des options acceptées.",
            "El valor de {column} no es una de las opciones aceptadas.",
        ),
        (
            "Use one of: {expected}.",
            "Utilisez l'une des valeurs : {expected}.",
            "Use uno de: {expected}.",
        ),
    ),
    _r(
        "unknown_language",
        W,
        (
            "The report language is not available; the report is in English.",
            "La langue demandée n'est pas disponible ; le rapport est en anglais.",
            "El idioma solicitado no está disponible; el informe está en inglés.",
        ),
        ("Use en, fr or es.", "Utilisez en, fr ou es.", "Use en, fr o es."),
    ),
    # --- values ----------------------------------------------------------------------------
    _r(
        "required_value_missing",
        E,
        (
            "The required column {column} is empty.",
            "La colonne obligatoire {column} est vide.",
            "La columna obligatoria {column} está vacía.",
        ),
        ("Fill it in: {expected}.", "Renseignez-la : {expected}.", "Complétela: {expected}."),
    ),
    _r(
        "unknown_code",
        E,
        (
            "The value in {column} is not in the {expected} code list.",
            "La valeur de {column} ne figure pas dans la liste de codes {expected}.",
            "El valor de {column} no figura en la lista de códigos {expected}.",
        ),
        (
            "Use a code or label of the {expected} list (English, French or Spanish); {detail}.",
            "Utilisez un code ou un libellé de la liste {expected} (anglais, français ou "
            "espagnol) ; {detail}.",
            "Use un código o una etiqueta de la lista {expected} (inglés, francés o español); "
            "{detail}.",
        ),
    ),
    _r(
        "unmapped_code",
        W,
        (
            "The value in {column} is not in the {expected} code list; it is kept as submitted "
            "and counted as unmapped.",
            "La valeur de {column} ne figure pas dans la liste {expected} ; elle est conservée "
            "telle quelle et comptée comme non reconnue.",
            "El valor de {column} no figura en la lista {expected}; se conserva tal cual y se "
            "cuenta como no reconocido.",
        ),
        (
            "Use a code or label of the {expected} list if one fits; {detail}.",
            "Utilisez un code ou un libellé de la liste {expected} s'il convient ; {detail}.",
            "Use un código o una etiqueta de la lista {expected} si corresponde; {detail}.",
        ),
    ),
    _r(
        "unknown_country",
        E,
        (
            "The value in {column} is not a country.",
            "La valeur de {column} n'est pas un pays.",
            "El valor de {column} no es un país.",
        ),
        (
            "Use an ISO 3166 code (e.g. AFG or AF), a UN M49 number, or the country's name in "
            "English, French or Spanish; XXA = stateless, XXX = unknown.",
            "Utilisez un code ISO 3166 (p. ex. AFG ou AF), un numéro M49 de l'ONU ou le nom du "
            "pays en anglais, français ou espagnol ; XXA = apatride, XXX = inconnu.",
            "Use un código ISO 3166 (p. ej. AFG o AF), un número M49 de la ONU o el nombre del "
            "país en inglés, francés o español; XXA = apátrida, XXX = desconocido.",
        ),
    ),
    _r(
        "unmapped_country",
        W,
        (
            "The value in {column} is not a country; it is kept as submitted and counted as "
            "unknown.",
            "La valeur de {column} n'est pas un pays ; elle est conservée telle quelle et "
            "comptée comme inconnue.",
            "El valor de {column} no es un país; se conserva tal cual y se cuenta como "
            "desconocido.",
        ),
        (
            "Use an ISO 3166 code, a UN M49 number or the country's name; XXX = unknown.",
            "Utilisez un code ISO 3166, un numéro M49 ou le nom du pays ; XXX = inconnu.",
            "Use un código ISO 3166, un número M49 o el nombre del país; XXX = desconocido.",
        ),
    ),
    _r(
        "invalid_count",
        E,
        (
            "The value in {column} is not a whole number of 0 or more ({detail}).",
            "La valeur de {column} n'est pas un nombre entier positif ou nul ({detail}).",
            "El valor de {column} no es un número entero mayor o igual a 0 ({detail}).",
        ),
        (
            "Write a whole number such as 12, 0 for none, or leave the cell blank when the "
            "figure is not known.",
            "Écrivez un nombre entier comme 12, 0 pour aucun, ou laissez la cellule vide si le "
            "chiffre n'est pas connu.",
            "Escriba un número entero como 12, 0 si no hay ninguno, o deje la celda vacía si la "
            "cifra no se conoce.",
        ),
    ),
    _r(
        "invalid_amount",
        E,
        (
            "The value in {column} is not an amount of 0 or more.",
            "La valeur de {column} n'est pas un montant positif ou nul.",
            "El valor de {column} no es un importe mayor o igual a 0.",
        ),
        (
            "Write a plain number such as 1500 or 1500.50 (1500,50 in a ;-separated CSV), "
            "without the currency sign.",
            "Écrivez un nombre simple comme 1500 ou 1500.50 (1500,50 dans un CSV séparé par ;), "
            "sans symbole monétaire.",
            "Escriba un número simple como 1500 o 1500.50 (1500,50 en un CSV separado por ;), "
            "sin símbolo de moneda.",
        ),
    ),
    _r(
        "unknown_currency",
        E,
        (
            "The value in {column} is not an ISO 4217 currency code.",
            "La valeur de {column} n'est pas un code de devise ISO 4217.",
            "El valor de {column} no es un código de moneda ISO 4217.",
        ),
        (
            "Use the three-letter code, e.g. USD, EUR, AUD, IDR.",
            "Utilisez le code à trois lettres, p. ex. USD, EUR, AUD, IDR.",
            "Use el código de tres letras, p. ej. USD, EUR, AUD, IDR.",
        ),
    ),
    _r(
        "fee_incomplete",
        E,
        (
            "A fee needs both fee_per_migrant and fee_currency; only {column} is given.",
            "Un tarif exige fee_per_migrant et fee_currency ; seul {column} est renseigné.",
            "Una tarifa requiere fee_per_migrant y fee_currency; solo se indicó {column}.",
        ),
        (
            "Fill in both columns, or leave both blank.",
            "Renseignez les deux colonnes, ou laissez-les vides toutes les deux.",
            "Complete ambas columnas, o deje ambas vacías.",
        ),
    ),
    _r(
        "invalid_date",
        E,
        (
            "The value in {column} is not a date in the declared format {expected}.",
            "La valeur de {column} n'est pas une date au format déclaré {expected}.",
            "El valor de {column} no es una fecha en el formato declarado {expected}.",
        ),
        (
            "Write the date as {expected}, use an Excel date, or declare date_format in the "
            "submission table. A two-digit year is read in the century nearest the period "
            "(19 = 2019 for a 2024 period).",
            "Écrivez la date au format {expected}, utilisez une date Excel, ou déclarez "
            "date_format dans la table submission. Une année à deux chiffres est lue dans le "
            "siècle le plus proche de la période (19 = 2019 pour une période 2024).",
            "Escriba la fecha como {expected}, use una fecha de Excel, o declare date_format en "
            "la tabla submission. Un año de dos cifras se lee en el siglo más cercano al "
            "período (19 = 2019 para un período 2024).",
        ),
    ),
    _r(
        "date_before_1900",
        E,
        (
            "The date in {column} is before 1900 ({detail}): no reported event is that old.",
            "La date de {column} est antérieure à 1900 ({detail}) : aucun fait déclaré "
            "n'est aussi ancien.",
            "La fecha de {column} es anterior a 1900 ({detail}): ningún hecho declarado es "
            "tan antiguo.",
        ),
        (
            "Check the year and write it with four digits, e.g. 2019-02-24.",
            "Vérifiez l'année et écrivez-la avec quatre chiffres, p. ex. 2019-02-24.",
            "Revise el año y escríbalo con cuatro cifras, p. ej. 2019-02-24.",
        ),
    ),
    _r(
        "date_far_from_period",
        E,
        (
            "The date in {column}, read as {detail}, is more than a year away from the "
            "reporting period {expected}.",
            "La date de {column}, lue comme {detail}, est à plus d'un an de la période "
            "déclarée {expected}.",
            "La fecha de {column}, leída como {detail}, está a más de un año del período "
            "declarado {expected}.",
        ),
        (
            "Check the year: a two-digit year is read in the century nearest the period "
            "(19 = 2019 for a 2024 period); write it with four digits. An incident of another "
            "period belongs in that period's package.",
            "Vérifiez l'année : une année à deux chiffres est lue dans le siècle le plus proche "
            "de la période (19 = 2019 pour une période 2024) ; écrivez-la avec quatre chiffres. "
            "Un incident d'une autre période se déclare dans le paquet de cette période.",
            "Revise el año: un año de dos cifras se lee en el siglo más cercano al período "
            "(19 = 2019 para un período 2024); escríbalo con cuatro cifras. Un incidente de "
            "otro período se declara en el paquete de ese período.",
        ),
    ),
    _r(
        "date_outside_period",
        W,
        (
            "The date in {column} falls outside the reporting period {expected}.",
            "La date de {column} est en dehors de la période déclarée {expected}.",
            "La fecha de {column} está fuera del período declarado {expected}.",
        ),
        (
            "Check the date, or report the incident in the package of its own period.",
            "Vérifiez la date, ou déclarez l'incident dans le paquet de sa période.",
            "Revise la fecha, o declare el incidente en el paquete de su período.",
        ),
    ),
    _r(
        "age_group_unparsed",
        W,
        (
            "The age group in {column} is not understood; it is kept and counted as unknown.",
            "La tranche d'âge de {column} n'est pas comprise ; elle est conservée et comptée "
            "comme inconnue.",
            "El grupo de edad de {column} no se entiende; se conserva y se cuenta como "
            "desconocido.",
        ),
        (
            "Write a band such as 18-24, <18, 65+, minor, adult or unknown.",
            "Écrivez une tranche comme 18-24, moins de 18, 65 et plus, mineur, adulte ou inconnu.",
            "Escriba un grupo como 18-24, menos de 18, 65 y más, menor, adulto o desconocido.",
        ),
    ),
    _r(
        "age_group_single_value",
        W,
        (
            "The age group in {column} is a bare number, read as that single age; a "
            "spreadsheet may have turned 25+ into 25.",
            "La tranche d'âge de {column} est un simple nombre, lu comme cet âge exact ; un "
            "tableur a pu transformer 25+ en 25.",
            "El grupo de edad de {column} es un número solo, leído como esa edad exacta; una "
            "hoja de cálculo pudo convertir 25+ en 25.",
        ),
        (
            "Write 25+ or a band such as 25-34 as text (format the column as Text), or "
            "25 years for a single age.",
            "Écrivez 25+ ou une tranche comme 25-34 sous forme de texte (format de colonne "
            "Texte), ou 25 ans pour un âge exact.",
            "Escriba 25+ o un grupo como 25-34 como texto (formato de columna Texto), o "
            "25 años para una edad exacta.",
        ),
    ),
    _r(
        "invalid_age_band",
        E,
        (
            "The age band in {column} is impossible ({detail}).",
            "La tranche d'âge de {column} est impossible ({detail}).",
            "El grupo de edad de {column} es imposible ({detail}).",
        ),
        (
            "Write the lower age first, both between 0 and 120, e.g. 18-24.",
            "Écrivez d'abord l'âge le plus bas, tous deux entre 0 et 120, p. ex. 18-24.",
            "Escriba primero la edad menor, ambas entre 0 y 120, p. ej. 18-24.",
        ),
    ),
    _r(
        "text_too_long",
        E,
        (
            "The text in {column} is longer than {expected} characters ({detail}).",
            "Le texte de {column} dépasse {expected} caractères ({detail}).",
            "El texto de {column} supera los {expected} caracteres ({detail}).",
        ),
        (
            "Shorten it, or split it over several narrative rows.",
            "Raccourcissez-le, ou répartissez-le sur plusieurs lignes narrative.",
            "Acórtelo, o repártalo en varias filas de narrative.",
        ),
    ),
    _r(
        "value_or_suppressed",
        E,
        (
            "{column} is empty and obs_status is not Q.",
            "{column} est vide et obs_status n'est pas Q.",
            "{column} está vacío y obs_status no es Q.",
        ),
        (
            "Give the figure, or set obs_status = Q if your service suppresses it.",
            "Indiquez le chiffre, ou mettez obs_status = Q si votre service le masque.",
            "Indique la cifra, o ponga obs_status = Q si su servicio la suprime.",
        ),
    ),
    _r(
        "suppressed_value_not_blank",
        E,
        (
            "obs_status is Q (suppressed) but {column} holds a figure.",
            "obs_status vaut Q (masqué) mais {column} contient un chiffre.",
            "obs_status es Q (suprimido) pero {column} contiene una cifra.",
        ),
        (
            "Leave {column} blank for suppressed values, or change obs_status.",
            "Laissez {column} vide pour une valeur masquée, ou changez obs_status.",
            "Deje {column} vacío para un valor suprimido, o cambie obs_status.",
        ),
    ),
    # --- rules across columns and tables ---------------------------------------------------
    _r(
        "count_exceeds_total",
        E,
        (
            "{column} is larger than migrants_total.",
            "{column} est supérieur à migrants_total.",
            "{column} es mayor que migrants_total.",
        ),
        (
            "{column} counts some of the smuggled migrants of the incident, so it cannot "
            "exceed migrants_total.",
            "{column} compte une partie des migrants de l'incident ; il ne peut pas dépasser "
            "migrants_total.",
            "{column} cuenta una parte de los migrantes del incidente; no puede superar "
            "migrants_total.",
        ),
    ),
    _r(
        "deceased_missing_exceed_total",
        E,
        (
            "migrants_deceased + migrants_missing is larger than migrants_total.",
            "migrants_deceased + migrants_missing dépasse migrants_total.",
            "migrants_deceased + migrants_missing supera migrants_total.",
        ),
        (
            "A migrant is either deceased or missing, and is counted in migrants_total.",
            "Un migrant est soit décédé soit disparu, et il est compté dans migrants_total.",
            "Un migrante está fallecido o desaparecido, y se cuenta en migrants_total.",
        ),
    ),
    _r(
        "duplicate_incident_ref",
        E,
        (
            "The incident_ref appears on more than one row of incidents ({detail}).",
            "L'incident_ref figure sur plusieurs lignes de incidents ({detail}).",
            "El incident_ref aparece en más de una fila de incidents ({detail}).",
        ),
        (
            "Give each incident its own reference.",
            "Donnez à chaque incident sa propre référence.",
            "Dé a cada incidente su propia referencia.",
        ),
    ),
    _r(
        "route_too_short",
        E,
        (
            "The route names fewer than two countries.",
            "L'itinéraire compte moins de deux pays.",
            "La ruta tiene menos de dos países.",
        ),
        (
            "List the countries from origin to intended destination separated by >, "
            "e.g. AFG > IRN > TUR.",
            "Indiquez les pays de l'origine à la destination prévue, séparés par >, "
            "p. ex. AFG > IRN > TUR.",
            "Indique los países desde el origen hasta el destino previsto separados por >, "
            "p. ej. AFG > IRN > TUR.",
        ),
    ),
    _r(
        "route_unknown_country",
        E,
        (
            "The route contains something that is not a country: {detail}.",
            "L'itinéraire contient un élément qui n'est pas un pays : {detail}.",
            "La ruta contiene algo que no es un país: {detail}.",
        ),
        (
            "Separate countries with > (not commas or dashes) and use ISO codes or names; "
            "XXX = unknown country.",
            "Séparez les pays par > (pas de virgule ni de tiret) et utilisez des codes ISO ou "
            "des noms ; XXX = pays inconnu.",
            "Separe los países con > (no con comas ni guiones) y use códigos ISO o nombres; "
            "XXX = país desconocido.",
        ),
    ),
    _r(
        "unknown_incident_ref",
        E,
        (
            "incident_ref does not match any incident of this package.",
            "incident_ref ne correspond à aucun incident de ce paquet.",
            "incident_ref no corresponde a ningún incidente de este paquete.",
        ),
        (
            "Use the incident_ref of a row of the incidents table, or leave it blank where "
            "allowed.",
            "Utilisez l'incident_ref d'une ligne de la table incidents, ou laissez-le vide si "
            "c'est permis.",
            "Use el incident_ref de una fila de la tabla incidents, o déjelo vacío si se permite.",
        ),
    ),
    _r(
        "legs_invalid_sequence",
        E,
        (
            "The legs of this incident are not numbered 1, 2, … without gaps or repeats "
            "({detail}).",
            "Les étapes de cet incident ne sont pas numérotées 1, 2, … sans trou ni doublon "
            "({detail}).",
            "Los tramos de este incidente no están numerados 1, 2, … sin huecos ni repeticiones "
            "({detail}).",
        ),
        (
            "Number the legs of each incident from 1 in travel order.",
            "Numérotez les étapes de chaque incident à partir de 1 dans l'ordre du voyage.",
            "Numere los tramos de cada incidente desde 1 en el orden del viaje.",
        ),
    ),
    _r(
        "legs_not_chained",
        E,
        (
            "This leg does not start where the previous leg ended ({detail}).",
            "Cette étape ne part pas de là où la précédente s'est arrêtée ({detail}).",
            "Este tramo no empieza donde terminó el anterior ({detail}).",
        ),
        (
            "from_country of each leg must be the to_country of the leg before it.",
            "from_country de chaque étape doit être le to_country de l'étape précédente.",
            "from_country de cada tramo debe ser el to_country del tramo anterior.",
        ),
    ),
    _r(
        "legs_route_mismatch",
        E,
        (
            "The legs do not run from the first to the last country of the incident's route "
            "({detail}).",
            "Les étapes ne vont pas du premier au dernier pays de l'itinéraire de l'incident "
            "({detail}).",
            "Los tramos no van del primer al último país de la ruta del incidente ({detail}).",
        ),
        (
            "Make the first leg start at the route's origin and the last end at its "
            "destination, or correct the route.",
            "Faites partir la première étape de l'origine et arriver la dernière à la "
            "destination, ou corrigez l'itinéraire.",
            "Haga que el primer tramo salga del origen y el último llegue al destino, o "
            "corrija la ruta.",
        ),
    ),
    _r(
        "profile_sum_mismatch",
        W,
        (
            "The smuggled_migrants rows of this incident add up to {detail}, but migrants_total "
            "is {expected}.",
            "Les lignes smuggled_migrants de cet incident totalisent {detail}, mais "
            "migrants_total vaut {expected}.",
            "Las filas de smuggled_migrants de este incidente suman {detail}, pero "
            "migrants_total es {expected}.",
        ),
        (
            "Check the profile rows or the incident's migrants_total.",
            "Vérifiez les lignes de profil ou le migrants_total de l'incident.",
            "Revise las filas de perfil o el migrants_total del incidente.",
        ),
    ),
    _r(
        "pseudo_document_issuer",
        E,
        (
            "issuing_country does not agree with fraud_type: {detail}.",
            "issuing_country ne concorde pas avec fraud_type : {detail}.",
            "issuing_country no concuerda con fraud_type: {detail}.",
        ),
        (
            "issuing_country is none exactly when fraud_type is pseudo_document (a fantasy "
            "document has no issuing state): name the issuing country for any other fraud "
            "type, and write none for a pseudo document.",
            "issuing_country vaut none exactement quand fraud_type est pseudo_document (un "
            "document de fantaisie n'a pas d'État émetteur) : indiquez le pays émetteur pour "
            "tout autre type de fraude, et none pour un pseudo-document.",
            "issuing_country es none exactamente cuando fraud_type es pseudo_document (un "
            "documento de fantasía no tiene Estado emisor): indique el país emisor para "
            "cualquier otro tipo de fraude, y none para un seudodocumento.",
        ),
    ),
    # --- personal data (spec §5) -----------------------------------------------------------
    _r(
        "personal_data_column",
        E,
        (
            "The column {column} of table {table} is named like a personal identifier.",
            "La colonne {column} de la table {table} porte le nom d'un identifiant personnel.",
            "La columna {column} de la tabla {table} tiene nombre de identificador personal.",
        ),
        (
            "Reports are non-nominal: delete the column and send counts and categories only.",
            "Les rapports sont non nominatifs : supprimez la colonne et n'envoyez que des "
            "effectifs et des catégories.",
            "Los informes no son nominativos: elimine la columna y envíe solo cifras y categorías.",
        ),
    ),
    _r(
        "personal_data_value",
        E,
        (
            "The cell looks like it contains personal data ({detail}); its content is not "
            "repeated here.",
            "La cellule semble contenir des données personnelles ({detail}) ; son contenu "
            "n'est pas reproduit ici.",
            "La celda parece contener datos personales ({detail}); su contenido no se "
            "reproduce aquí.",
        ),
        (
            "Remove names, document numbers, e-mail addresses, phone numbers, dates of birth "
            "and street addresses from the cell, then send the package again.",
            "Retirez de la cellule les noms, numéros de document, adresses électroniques, "
            "numéros de téléphone, dates de naissance et adresses postales, puis renvoyez le "
            "paquet.",
            "Quite de la celda los nombres, números de documento, correos electrónicos, "
            "números de teléfono, fechas de nacimiento y direcciones postales, y vuelva a "
            "enviar el paquete.",
        ),
        conceals_value=True,
    ),
]

_RULES.append(
    _r(
        "more_of_the_same",
        W,
        (
            "{detail} more rows of {table} have the problem {expected} in {column}; only the "
            "first ones are listed.",
            "{detail} autres lignes de {table} présentent le problème {expected} dans {column} ; "
            "seules les premières sont listées.",
            "Otras {detail} filas de {table} tienen el problema {expected} en {column}; solo se "
            "listan las primeras.",
        ),
        (
            "Fix the rows listed, then validate again to see the rest.",
            "Corrigez les lignes listées, puis validez de nouveau pour voir les autres.",
            "Corrija las filas listadas y vuelva a validar para ver las demás.",
        ),
    )
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}

# Fixed phrases that fill ``{detail}``, by key, so that they too are read in the state's
# language (an issue carries the key in ``params["detail_key"]``).
DETAILS: dict[str, dict[Language, str]] = {
    "negative": {"en": "negative", "fr": "négatif", "es": "negativo"},
    "fractional": {"en": "fractional", "fr": "décimal", "es": "decimal"},
    "not a number": {"en": "not a number", "fr": "pas un nombre", "es": "no es un número"},
    "too large": {"en": "too large", "fr": "trop grand", "es": "demasiado grande"},
    "thousands separators are not accepted": {
        "en": "thousands separators are not accepted",
        "fr": "les séparateurs de milliers ne sont pas acceptés",
        "es": "no se aceptan separadores de miles",
    },
    "not a plain whole number": {
        "en": "not a plain whole number",
        "fr": "pas un nombre entier simple",
        "es": "no es un número entero simple",
    },
    "email_address": {
        "en": "an e-mail address",
        "fr": "une adresse électronique",
        "es": "una dirección de correo electrónico",
    },
    "phone_number": {
        "en": "a phone number",
        "fr": "un numéro de téléphone",
        "es": "un número de teléfono",
    },
    "document_number": {
        "en": "a document number",
        "fr": "un numéro de document",
        "es": "un número de documento",
    },
    "date_of_birth": {
        "en": "a date of birth",
        "fr": "une date de naissance",
        "es": "una fecha de nacimiento",
    },
    "personal_name": {
        "en": "a person's name",
        "fr": "le nom d'une personne",
        "es": "el nombre de una persona",
    },
    "street_address": {
        "en": "a street address",
        "fr": "une adresse postale",
        "es": "una dirección postal",
    },
    "issuer_none_not_pseudo": {
        "en": "it is none, but the fraud type is not pseudo_document",
        "fr": "il vaut none, mais le type de fraude n'est pas pseudo_document",
        "es": "es none, pero el tipo de fraude no es pseudo_document",
    },
    "pseudo_document_with_issuer": {
        "en": "a pseudo_document has no issuing country, but one is named",
        "fr": "un pseudo_document n'a pas de pays émetteur, mais un pays est indiqué",
        "es": "un pseudo_document no tiene país emisor, pero se indica uno",
    },
    "age_band_order": {
        "en": "the lower age must come first and ages be at most 120",
        "fr": "l'âge le plus bas doit venir d'abord et les âges ne pas dépasser 120",
        "es": "la edad menor debe ir primero y las edades no superar 120",
    },
}
