# ruff: noqa: E501  (a corpus reads best with one row per line)
"""Writes corpus.csv, the second holdout corpus of the personal-data screen (see README.md).

    python tests/data/personal_data/holdout_b/make_corpus.py          # rewrite corpus.csv
    python tests/data/personal_data/holdout_b/make_corpus.py --check  # exit 1 if out of date
    python tests/data/personal_data/holdout_b/make_corpus.py --stats  # rows per label, kind, language

The rows are written by hand below, one per line as `language | column | text`, grouped by
label and kind. Identity numbers and MRZ lines carry check digits that real documents carry,
so they are computed: a `{placeholder}` in a text is replaced, in file order, by a value drawn
from a seeded generator (`{dni}`, `{mrz:td3;AFG;AFG;RAHIMI;MOHAMMAD REZA;M;1991-03-14;nl}`…).
Standard library only; the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import string
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SEED = 20261211
CORPUS = Path(__file__).with_name("corpus.csv")
COLUMNS = ("label", "kind", "language", "column", "text")
LANGUAGES = frozenset({"en", "fr", "es", "xx"})
PERSONAL_KINDS = frozenset(
    {
        "name_title",
        "name_context",
        "name_bare",
        "id_number",
        "passport",
        "mrz",
        "date_of_birth",
        "phone",
        "email",
        "email_obfuscated",
        "address",
    }
)
# An ordinary kind is a short word of one's choosing (place, vessel, reference...).
ORDINARY_KIND = re.compile(r"[a-z_]{2,20}")
MIN_ROWS_PER_LABEL = 300
MIN_ROWS_PER_PERSONAL_KIND = 15

# ---------------------------------------------------------------------------------------------
# Personal data: every row names, identifies or locates one real-looking person.
# ---------------------------------------------------------------------------------------------
PERSONAL: dict[str, str] = {
    "name_title": """
en | comment | Boat chartered through Mr. Gul Agha Popal, who collected the fares in Kupang.
en | comment | organiser identified as MR.HABIBULLAH MANGAL (Afghan national), still at large
en | notes | Statement taken from mrs siti rahmawati at Polres Rote Ndao on arrival.
en | narrative.text | The network was run from Johor Bahru by Dato' Azman Yusof, who owns a small logistics firm there.
en | comment | Fees were handed to Haji Abdul Kader Mia at the jetty before boarding.
en | extra:remarks | Dr Mohsen Ghasemi signed false medical certificates for the whole group
en | comment | Ms. Tharshini Nadarajah arranged the safe house in Negombo.
en | comment | Capt. Reynaldo Bautista refused to stop when hailed by the patrol boat.
en | narrative.text | According to the crew, Pak Yohanis Ndun owns the boat and paid each of them IDR 5 million per trip.
en | conveyance | Mr Somchai Wongsuwan's pickup
en | comment | Khun Kanyarat Boonmee recruited the workers in Mae Sot and kept their documents.
en | reporting_agency | AFP Darwin, contact Det. Sgt. Kylie Harris
en | comment | Vessel belongs to U Thein Zaw Win of Kawthaung.
en | comment | mr. nguyen van thanh paid the drivers in cash at the border
en | comment | Encik Mohd Faizal bin Ismail drove the van to Bukit Kayu Hitam.
en | notes | Prepared by Insp. Bradley Thompson for the regional office.
en | comment | Daw Khin Myat Noe kept the passengers' money until arrival.
en | comment | Smt. Sita Gurung ran the manpower agency used as a front.
fr | comment | Le bateau a été acheté par M. Yannick Le Goff à Boulogne-sur-Mer.
fr | comment | Hébergement assuré par Mme Nathalie Roussel pendant trois semaines.
fr | comment | m.karimi encaissait les paiements par hawala
fr | notes | MME FAÏZA ABDALLAH, propriétaire du kwassa, a été entendue.
fr | narrative.text | Selon Monsieur Rebwar Aziz, le départ était prévu depuis la plage de Gravelines.
fr | comment | Madame Marie-Ange Joseph organisait les traversées depuis Port-de-Paix.
fr | comment | Mlle Aminata Sow servait d'interprète au groupe.
fr | comment | Me Sophie Marchand, avocate des prévenus, a demandé le renvoi de l'audience.
fr | comment | certificats de complaisance délivrés par le Dr Haider Al-Jubouri
fr | notes | PV établi par le brigadier-chef Jean-Pierre Lefèvre (PAF Coquelles).
fr | comment | MM. Ousmane Ndiaye et Mamadou Lamine Diallo ont été placés en garde à vue.
fr | comment | M . Shwan Kakayi tenait la caisse du réseau
fr | conveyance | le bateau de M. Le Goff
fr | comment | Maître Kévin Lemaire représentait la partie civile.
es | comment | La embarcación fue contratada por el Sr. Wilmer Ortiz Cárdenas en Necoclí.
es | comment | Doña Yessenia Mejía alojaba a los migrantes en Tapachula.
es | comment | SRA.MARIBEL CHÁVEZ cobraba 3.500 USD por persona
es | comment | D. Francisco Javier Moreno Gil, armador del pesquero, niega los hechos.
es | notes | Declaración de Dña. María del Carmen Vázquez incorporada al atestado.
es | comment | sr luis alberto quispe mamani pagó los pasajes de bus
es | comment | el Lic. Edwin Orlando Caal tramitaba visados falsos
es | comment | Ing. Jhon Jairo Palacios coordinaba las lanchas desde Turbo.
es | comment | Srta. Lucía Serrano actuó como intérprete en la toma de declaración.
es | conveyance | lancha de Don Efraín Palacios
es | comment | la Dra. Semhar Tekle emitía certificados médicos falsos
es | comment | Según el Señor Juan Pablo Restrepo, el grupo salió de Capurganá de noche.
es | comment | Sr.Ahmad Shah Noorzai figuraba como titular de la cuenta.
""",
    "name_context": """
en | comment | Driver Waqas Ahmed Rana was arrested at Torkham with 11 migrants in the vehicle.
en | comment | The skipper, Marthen Mooy, told investigators he was paid IDR 10 million.
en | extra:remarks | Facilitator: Nurul Amin Sarkar (BGD)
en | comment | Organiser Abdiqani Hassan Omar coordinated departures by phone from Nairobi.
en | comment | boat owner known as Chaminda Perera, from Negombo
en | comment | Recruiter Ram Bahadur Thapa promised the group jobs in Malaysia.
en | narrative.text | The accused, Zheng Yong, pleaded guilty to people smuggling and was remanded.
en | comment | hawaladar Asif Mehmood Butt in Quetta received the payments
en | comment | Agent in Jakarta: Dedi Kurniawan
en | comment | Crew member La Ode Hasrun, 17, was treated as a minor.
en | comment | Aung Ko Ko, the broker, arranged the crossing at Kawthaung.
en | comment | Truck driven by Imran s/o Muhammad Akram from Quetta to Taftan.
en | comment | the money was sent to his cousin Farid Ahmad Hotak in Tehran
en | conveyance | vessel owned by Kanagaratnam Jeyakumar
en | comment | Ravi a/l Muthu, lorry driver, was detained at the checkpoint.
en | comment | suspected smuggler Lin Zhiqiang used WeChat to advertise the trips
en | comment | Passenger Mohammed Ayub told officers the boat left eleven days earlier.
fr | comment | Le passeur Hawre Omar a été interpellé à Grande-Synthe.
fr | comment | le chauffeur, Kévin Lemaire, transportait neuf personnes dans le fourgon
fr | comment | Pilote du kwassa : Said Ali Mdahoma
fr | comment | Rabatteur identifié : Dilshad Kakayi, actif sur le campement de Loon-Plage.
fr | narrative.text | Le dénommé Sherko Salih fournissait les gilets de sauvetage et les moteurs.
fr | comment | La prévenue Nathalie Roussel hébergeait les migrants contre rémunération.
fr | comment | Témoin entendu : Yonas Haile, ressortissant érythréen.
fr | comment | l'organisateur présumé, Karwan Mahmoud Rasul, serait basé en Allemagne
fr | comment | convoyeur Mustafa Kadhim, interpellé au péage de Fresnes-lès-Montauban
fr | comment | Nazdar Qadir, la logeuse, encaissait 50 € par nuit.
fr | comment | le mis en cause Fritznel Jean-Louis a reconnu les faits
fr | comment | l'intéressé, Wilner Pierre-Louis, voyageait comme simple passager
fr | comment | selon son frère Reza Tavakoli, la traversée avait été payée à Téhéran
fr | comment | Le nommé Ahamada Said Mohamed pilotait l'embarcation.
fr | comment | la victime Shirin Farahani a été prise en charge par l'hôpital
fr | comment | Bateau acheté par l'intermédiaire Karim Benali à Dunkerque.
es | comment | El patrón de la neumática, Ousmane Ndiaye, fue detenido en Arguineguín.
es | comment | el coyote Edwin Caal cobró 6.000 dólares por persona
es | comment | Lanchero: Darwin Mosquera (Capurganá)
es | comment | Conductor del camión: José Manuel Ruiz Ortega
es | comment | La captadora Rosa Elvira Pineda contactaba a las víctimas por Facebook.
es | narrative.text | El imputado Luis Alberto Quispe Mamani reconoció haber organizado tres viajes.
es | comment | Testigo protegido Kelvin Alexander Reyes declaró que pagó en efectivo.
es | comment | guía (pollero) Santos Ical Choc, detenido en Tecún Umán
es | comment | Mamani, el chófer, huyó a pie
es | comment | el sospechoso Jean-Baptiste Fils-Aimé fue puesto a disposición judicial
es | comment | pagaron a un tal Hamid Rahimi en Quito
es | comment | La víctima Nadia Parveen fue trasladada a un centro de acogida.
es | comment | Wilson Andrade, alias «el Flaco», organizaba los viajes desde Huaquillas.
es | comment | la madre del menor, Hamida Khatun, viajaba en la misma embarcación
es | comment | Cabecilla de la red: Francisco Javier Moreno Gil.
es | comment | el tripulante Abul Hashim declaró ante el juez
""",
    "name_bare": """
xx | comment | Budi Santoso
xx | comment | Mohammad Zubair
xx | comment | trần thị hoa
xx | notes | ZHANG WEI
xx | extra:observaciones | Rashida Begum
xx | detection_place | Kasun Rathnayake
xx | comment | Tesfay Gebremedhin
xx | comment | Abdelrahim Ishag
xx | extra:remarks | Pasang Sherpa
xx | comment | Ni Luh Putu Ariani
xx | comment | Ahmad Fauzi; Dedi Kurniawan
xx | comment | KARIMI, Ahmad Zia
xx | comment | DIALLO Mamadou
xx | comment | Mohd Hafiz bin Rahman
xx | extra:info | Nurul Aini binti Hassan
xx | comment | Jimbun anak Lasah
xx | comment | Le Minh Tuan
xx | comment | Saw Eh Htoo
xx | comment | Nang Seng Hom
xx | comment | Md. Rafiqul Islam
xx | comment | García López, Juan Carlos
xx | comment | J. Restrepo
xx | comment | Somchai W.
xx | comment | Hossein Rostami / Shirin Farahani
xx | comment | Tijani Musa
xx | notes | Jocelyn Macaraeg
xx | comment | Sean O'Connor
xx | comment | Phạm Quốc Bảo
xx | conveyance | Chen Jianguo
xx | comment | Ali-Reza Bagheri
xx | comment | hodan abdi warsame
en | comment | Money sent by Western Union to Shafiqullah Safi.
en | comment | Zarmina Amiri and Nasrin Sadat, both 15-17, travelled together.
en | comment | Seen with Nuwan Jayasinghe at the harbour on the night of departure.
fr | comment | Argent remis à Sherko Salih et Hawre Omar avant le départ.
fr | comment | Appels répétés vers Kidane Berhe pendant la traversée.
fr | comment | Sophie Marchand et Yannick Le Goff étaient présents au départ.
es | comment | Dinero entregado a Wilmer Ortiz y Maribel Chávez en Necoclí.
es | comment | Viajaban con Jhon Jairo Palacios hasta Bajo Chiquito.
es | comment | Llamadas frecuentes a Edwin Orlando Caal desde la cárcel.
""",
    "id_number": """
en | comment | Suspect's NIK {nik} recorded on the arrest report.
en | comment | MyKad {mykad} found in the driver's wallet.
en | comment | CNIC {cnic} belongs to the hawala agent.
en | comment | Aadhaar no. {aadhaar} used to buy the SIM cards
en | comment | Sri Lankan NIC {lk_nic_old} seized from the skipper
en | notes | Thai ID card {thai_id} (recruiter)
en | comment | tazkira no. {tazkira} presented at the checkpoint
en | comment | PhilSys number {psn} on the seized ID card
en | comment | Chinese resident ID {cn_id} used to register the phone line
en | comment | UNHCR card {unhcr} presented by the boat owner
en | comment | TFN {tfn} used to open the bank account receiving the fees
en | comment | Iranian national code {ir_code} (organiser)
fr | comment | NIR {nir} relevé sur la carte Vitale du chauffeur
fr | comment | carte nationale d'identité n° {fr_cni} au nom du logeur
fr | comment | numéro étranger AGDREF {agdref}
fr | comment | NIF haïtien {ht_nif} du mis en cause
fr | comment | carte d'identité chinoise {cn_id} retrouvée dans le véhicule
fr | comment | numéro d'identification indonésien (NIK) {nik}
fr | comment | DNI espagnol {dni} trouvé sur le convoyeur
fr | comment | carte du HCR n° {unhcr} présentée au contrôle
fr | comment | CNIC pakistanais {cnic} relevé sur la procuration
fr | comment | numéro de sécurité sociale : {nir}
fr | comment | carte Myanmar NRC {mm_nrc} saisie à bord
fr | comment | carte d'identité vietnamienne n° {vn_cccd}
es | comment | DNI {dni} del armador
es | comment | NIE {nie} del conductor detenido
es | comment | CURP {curp} (captador)
es | comment | cédula de ciudadanía {co_cc}
es | comment | cédula de identidad {ve_ci}
es | comment | RUT {rut} del arrendatario
es | comment | cédula ecuatoriana n.º {ec_ci}
es | comment | DPI {gt_dpi} del guía
es | comment | DNI hondureño {hn_dni}
es | comment | cédula dominicana {do_ced}
es | comment | DNI peruano {pe_dni} de la víctima
es | comment | número de identidad iraní {ir_code}
xx | incident_ref | {nik}
xx | comment | {mykad}
xx | incident_ref | {cnic}
xx | comment | {aadhaar}
xx | extra:id | {cn_id}
xx | comment | {nir}
xx | incident_ref | {dni}
xx | comment | {nie}
xx | comment | {curp}
xx | comment | {rut}
xx | comment | {thai_id}
xx | comment | {mm_nrc}
xx | comment | {lk_nic_old}
xx | comment | {psn}
""",
    "passport": """
en | comment | Passport no. {pk_pp} (Pakistan) found hidden in the cabin.
en | comment | travelled on Afghan passport {af_pp}
en | comment | Holder of Iranian passport {ir_pp}, overstayed
en | comment | PPT NO: {bd_pp}
en | comment | Indian passport {in_pp} carried a forged Malaysian visa
en | comment | paspor {id_pp} belonging to the skipper
en | comment | passport number {cn_pp} (PRC)
en | comment | Sri Lankan passport {lk_pp} seized
en | comment | used her sister's passport {ph_pp} at the gate
en | comment | travel document no {au_pp}
en | comment | Malaysian passport {my_pp} reported lost the week before
en | comment | Thai passport {th_pp} with altered data page
fr | comment | passeport afghan n° {af_pp}
fr | comment | Passeport : {fr_pp}
fr | comment | titulaire du passeport irakien {iq_pp}
fr | comment | n° de passeport {vn_pp}
fr | comment | passeport vietnamien {vn_pp} retrouvé dans la cabine du camion
fr | comment | le passeport {lk_pp} a été saisi
fr | comment | passeport comorien n° {km_pp}
fr | comment | PASSEPORT N°{ht_pp}
fr | comment | passeport soudanais {sd_pp} du passager
fr | comment | passeport chinois {cn_pp} au nom d'un tiers
fr | comment | passeport falsifié {fr_pp} (photo substituée)
es | comment | pasaporte n.º {es_pp}
es | comment | Pasaporte colombiano {co_pp}
es | comment | pasaporte mexicano {mx_pp}
es | comment | con el pasaporte venezolano {ve_pp}
es | comment | Pasaporte: {ec_pp}
es | comment | pasaporte eritreo {er_pp}
es | comment | nº pasaporte {np_pp}
es | comment | pasaporte cubano {cu_pp}
es | comment | pasaporte guatemalteco {gt_pp}
es | comment | pasaporte afgano {af_pp} con visado falso
es | comment | le retiraron el pasaporte {bd_pp} al llegar
xx | incident_ref | {af_pp}
xx | incident_ref | {pk_pp}
xx | incident_ref | {in_pp}
xx | incident_ref | {cn_pp}
xx | incident_ref | {my_pp}
xx | incident_ref | {es_pp}
xx | incident_ref | {fr_pp}
xx | incident_ref | {ph_pp}
xx | incident_ref | {lk_pp}
xx | extra:doc | {ir_pp}
""",
    "mrz": """
xx | comment | {mrz:td3;AFG;AFG;RAHIMI;MOHAMMAD REZA;M;1991-03-14;nl}
xx | comment | {mrz:td3;IRN;IRN;HEYDARI;MARYAM;F;1988-11-02;nl}
xx | extra:ocr | {mrz:td3;PAK;PAK;CHAUDHRY;MUHAMMAD IMRAN;M;1985-07-20;nl}
xx | comment | {mrz:td3;BGD;BGD;BEGUM;SHAHANA;F;1994-01-09;nl}
xx | notes | {mrz:td3;LKA;LKA;THEVARAJAH;SIVAKUMAR;M;1979-05-30;nl}
xx | comment | {mrz:td3;VNM;VNM;NGUYEN;VAN THANH;M;1990-12-01;sp}
xx | comment | {mrz:td3;IRQ;IRQ;AL JUBOURI;HAIDER;M;1983-02-17;sp}
xx | comment | {mrz:td3;SOM;SOM;FARAH;ABDIRAHMAN MOHAMED;M;1992-06-25;sp}
xx | incident_ref | {mrz:td3;NPL;NPL;THAPA;RAM BAHADUR;M;1987-09-04;l2}
xx | comment | {mrz:td3;CHN;CHN;LIN;ZHIQIANG;M;1980-04-11;l2}
xx | comment | {mrz:td3;MMR;MMR;AUNG;KO KO;M;1995-08-19;l2}
xx | comment | {mrz:td3;COL;COL;RESTREPO GOMEZ;JUAN PABLO;M;1989-10-07;l2}
xx | comment | {mrz:td3;ERI;ERI;GEBREMEDHIN;TESFAY;M;1993-03-03;l1}
xx | extra:ocr | {mrz:td3;IDN;IDN;SANTOSO;BUDI;M;1986-12-24;l1}
xx | comment | {mrz:td3;SDN;SDN;ABAKAR;HAWA YAHYA;F;1997-05-15;l1}
xx | comment | {mrz:td1;ID;ESP;ESP;RUIZ ORTEGA;JOSE MANUEL;M;1976-02-28;nl}
xx | comment | {mrz:td1;I;PHL;PHL;DELA CRUZ;JONATHAN;M;1988-02-11;nl}
xx | comment | {mrz:td1;ID;MEX;MEX;CHAVEZ LOPEZ;MARIBEL;F;1990-08-30;sp}
xx | comment | {mrz:td2;I;THA;THA;WONGSUWAN;SOMCHAI;M;1978-01-16;nl}
xx | comment | {mrz:td2;I;ECU;ECU;QUISPE;LUIS ALBERTO;M;1984-11-21;sp}
xx | comment | {mrz:fra;FRA;FRA;LEFEVRE;JEAN PIERRE;M;1971-06-05;nl}
xx | comment | {mrz:fra;FRA;FRA;ROUSSEL;NATHALIE;F;1982-09-18;l2}
xx | comment | {mrz:visa;FRA;VNM;TRAN;THI HOA;F;1996-07-07;nl}
en | comment | MRZ read at the gate: {mrz:td3;PHL;PHL;MACARAEG;JOCELYN;F;1991-04-12;sp}
en | notes | Passport scan, bottom lines: {mrz:td3;AFG;AFG;NOORZAI;AHMAD SHAH;M;1981-01-01;nl}
fr | comment | bande MRZ relevée : {mrz:td3;HTI;HTI;JOSEPH;MARIE ANGE;F;1987-12-12;sp}
fr | comment | lecture de la zone MRZ : {mrz:td3;COM;COM;ABDALLAH;FAIZA;F;1999-03-27;l2}
es | comment | zona MRZ del documento: {mrz:td3;GTM;GTM;CAAL;EDWIN ORLANDO;M;1990-02-14;sp}
es | comment | lectura mecánica: {mrz:td1;ID;COL;COL;MOSQUERA;DARWIN;M;1994-10-30;sp}
""",
    "date_of_birth": """
en | comment | DOB 1987
en | comment | d.o.b. 14/07/1991, Herat
en | notes | Date of birth: 1993-02-28
en | comment | born 3 March 1992 in Quetta
en | comment | born on the 21st of June 1987, according to his tazkira
en | comment | skipper, born 1979, from Rote Island
en | comment | b. 12.11.1995
en | comment | D.O.B: 05 JAN 1989
en | comment | born in 2008, treated as an unaccompanied minor
en | extra:details | Birthdate 1990-08-15
en | comment | YOB 1985
en | comment | the driver was born on the twelfth of May, nineteen ninety
fr | comment | née le 17 août 1994 à Hérat
fr | comment | né le 02/11/1988
fr | notes | date de naissance : 1er janvier 1990
fr | comment | DDN : 14.07.1991
fr | comment | né en 1986 à Souleimaniye
fr | comment | Date de naissance 23-05-1997
fr | comment | né(e) le 9 septembre 2007, mineur non accompagné
fr | comment | le chauffeur, né le vingt-deux avril mille neuf cent quatre-vingt-dix
fr | comment | âgé de 34 ans, né le 5/6/1990
fr | comment | Né le 12 déc. 1984
fr | comment | date de naiss. 1993
fr | extra:remarques | naissance : 30 juin 1985 à Kaboul
es | comment | nacida el 12 de octubre de 1993 en Cúcuta
es | comment | fecha de nacimiento: 03/04/1985
es | comment | F. nac. 1991-02-03
es | comment | f/n 12.12.1990
es | comment | nació en 1988 en Esmeraldas
es | comment | nacido el primero de enero de dos mil cuatro
es | comment | Fecha nac.: 7-ago-1996
es | comment | año de nacimiento 1979
es | comment | nacido el 30/11/2007, menor no acompañado
es | notes | Nacimiento: 15 de julio de 1989
es | comment | FDN 22-02-1983
es | comment | nacido en Tumaco el 4 de marzo de 1998
xx | comment | TTL: Kupang, 12-05-1990
xx | comment | tgl lahir 03/08/1992
xx | comment | tarikh lahir: 1 Jun 1989
xx | comment | DOB:19900512
xx | comment | sinh ngày 15/04/1990
xx | comment | B/D 1994-11-30
""",
    "phone": """
en | comment | Organiser's WhatsApp: +62 812-3456-7890
en | comment | contacted the agent on 0813 3921 4477
en | comment | Malaysian handler reachable on +60 12-345 6789
en | comment | Telegram +98 912 345 6789
en | comment | mobile +93 70 123 4567 (Roshan)
en | comment | Ph: (+63) 917 123 4567
en | comment | broker's number 0300-1234567
en | comment | Viber +880 1712-345678
en | comment | tel 077 123 4567 (Sri Lanka)
en | comment | Mob 0412 345 678
en | notes | call back on +61 3 9123 4567
en | comment | satellite phone +8821 6212 34567 used on board
fr | comment | joignable au 06 12 34 56 78
fr | comment | tél. : 06.45.78.12.90
fr | comment | portable +33 7 81 22 45 09
fr | comment | numéro WhatsApp du passeur : +964 750 123 4567
fr | comment | le logeur répond au 0639 26 14 87
fr | comment | Tél : +509 34 12 3456
fr | comment | n° de portable : 0694 12 34 56
fr | comment | appelé au +44 7700 900123 depuis la plage
fr | comment | téléphone comorien +269 332 45 67
fr | comment | contact : 07-52-18-33-41
fr | comment | numéro relevé dans le répertoire : 00 33 6 98 76 54 32
es | comment | teléfono 612 34 56 78
es | comment | móvil +34 655 123 456
es | comment | WhatsApp del coyote: +52 1 962 123 4567
es | comment | cel. 310 456 7890
es | comment | contacto: +593 99 123 4567
es | comment | llamar al (502) 5123-4567
es | comment | número +57 321 555 0199
es | comment | Tfno. 928 12 34 56
es | comment | +58 414-123.45.67, según la víctima
es | comment | celular del guía 6123-4567 (Panamá)
es | comment | marcaba al 55 1234 5678 para coordinar la recogida
xx | comment | +62 812 3456 7890
xx | comment | 0812-3456-7890
xx | extra:contact | +84 912 345 678
xx | comment | +95 9 456 789 123
xx | comment | +66 81 234 5678
xx | comment | +86 139 1234 5678
xx | comment | +977 9841 234567
xx | comment | +252 61 5123456
xx | comment | +249 91 234 5678
xx | comment | +94771234567
""",
    "email": """
en | comment | contact: reza.tavakoli1985@gmail.com
en | comment | organiser used boatkupang77@yahoo.com for bookings
en | comment | visa forms sent from nurul.amin.bd@outlook.com
en | comment | fake job offers came from hr.recruit.my@gmail.com
en | comment | E-mail: sivakumar.t@protonmail.com
en | comment | email thein.zawwin@gmail.com found on the seized phone
en | comment | CVs were sent to jocelyn_macaraeg@yahoo.com.ph
en | comment | Mail ID: waqas.rana92@hotmail.com
fr | comment | courriel : y.legoff@laposte.net
fr | comment | adresse électronique du logeur : nathalie.roussel59@orange.fr
fr | comment | e-mail du passeur : kurdboss.calais@gmail.com
fr | comment | mél. k.lemaire@free.fr
fr | comment | contact par courriel à fritznel.jl@yahoo.fr
fr | comment | réservations envoyées depuis marie-ange.joseph@hotmail.fr
fr | comment | boîte mail sherko.salih@gmx.de
fr | comment | adresse mail : ahamada.said269@gmail.com
es | comment | correo: wilmer.ortiz.c@gmail.com
es | comment | correo electrónico del captador: mchavez1990@hotmail.com
es | comment | escribir a lucia.serrano@yahoo.es
es | comment | e-mail jj.palacios@outlook.com
es | comment | los pagos se confirmaban a quispe.mamani.luis@gmail.com
es | comment | Email de contacto: darwinmosquera77@gmail.com
es | comment | correo viajesseguros.tapachula@gmail.com
es | comment | enviar comprobante a k.reyes@protonmail.com
xx | comment | t.gebremedhin@gmail.com
xx | comment | ZHENG.YONG88@QQ.COM
xx | comment | 1184520937@qq.com
xx | extra:contact | nguyenvanthanh.hp@gmail.com
xx | comment | farid_hotak@yahoo.com
xx | comment | dilani.w@sltnet.lk
xx | comment | budi.santoso@yahoo.co.id
xx | comment | somchai.w@hotmail.co.th
""",
    "email_obfuscated": """
en | comment | mohsen.ghasemi [at] gmail [dot] com
en | comment | write to kasun.r (at) yahoo (dot) com
en | comment | hawala contact: imran.chaudhry at gmail dot com
en | comment | organiser's mail aungkoko99 AT gmail DOT com
en | comment | shafiq.safi{at}outlook{dot}com
en | comment | nadia.parveen @ hotmail . com
en | comment | jeyakumar_k[@]yahoo[.]com
en | comment | haider dot aljubouri at gmail dot com
en | comment | bradley.t at protonmail.com
fr | comment | yannick.legoff arobase laposte point net
fr | comment | n.roussel (arobase) orange (point) fr
fr | comment | contact : kevin.lemaire[arobase]free[point]fr
fr | comment | sophie point marchand arobase gmail point com
fr | comment | mail : fritznel.jl AROBASE yahoo.fr
fr | comment | écrire à rebwar.aziz @ gmail . com
fr | comment | adresse : karwan.rasul [at] gmx [point] de
fr | comment | courriel faiza.abdallah(at)orange.fr
fr | comment | mamadou.diallo arobase hotmail.fr
es | comment | wilson.andrade arroba gmail punto com
es | comment | correo: edwin.caal (arroba) hotmail (punto) com
es | comment | maribel.chavez[arroba]yahoo[punto]es
es | comment | escribir a jhonjairo.p @ gmail . com
es | comment | santos.ical ARROBA outlook PUNTO com
es | comment | kelvin.reyes (at) gmail (dot) com, según el testigo
es | comment | yessenia punto mejia arroba gmail punto com
es | comment | r.pineda{arroba}hotmail{punto}com
es | comment | su correo es luis_quispe arroba yahoo punto es
xx | comment | z.amiri[at]gmail[.]com
xx | comment | chen.jianguo#qq.com
xx | comment | hodan.warsame(@)yahoo.com
xx | comment | tijani.musa AT hotmail DOT com
""",
    "address": """
en | comment | Safe house at No. 14, Jalan Merdeka, Kupang 85111
en | comment | Migrants were kept at Jl. Gajah Mada No. 27, Denpasar 80112.
en | comment | Lot 22, Jalan Sultan Ismail, 50250 Kuala Lumpur
en | extra:location | No. 8, Jalan SS 2/24, 47300 Petaling Jaya, Selangor
en | comment | recruiter's office: House 45, Road 7, Dhanmondi, Dhaka 1205
en | comment | House No. 17, Street 9, G-9/2, Islamabad
en | comment | stayed at 221/3 Soi Sukhumvit 11, Khlong Toei Nuea, Bangkok 10110
en | comment | 56 Le Loi Street, Ben Thanh Ward, District 1, Ho Chi Minh City
en | comment | No. 112, 33rd Street, Kyauktada Township, Yangon
en | detection_place | 45/2 Galle Road, Colombo 03
en | comment | 1234 Rizal Avenue, Santa Cruz, Manila 1003
en | comment | Flat 3, 27 Glebe Point Road, Glebe NSW 2037
en | notes | registered address 14 Herbert Street, Darwin NT 0800
en | comment | Unit 5/18 Hobson Street, Auckland 1010
en | comment | House 112, Baluwatar-4, Kathmandu 44600
en | comment | family lives at Camp 15, Block C-7, shelter 0931, Jamtoli
fr | comment | Hébergés au 12 rue Victor-Hugo, 59100 Roubaix
fr | comment | appartement 4, 3 bis avenue Jean-Jaurès, 93200 Saint-Denis
fr | comment | logement situé 27, boulevard Gambetta à Calais (62100)
fr | comment | domicilié 8 impasse des Lilas, 62231 Coquelles
fr | comment | résidence Les Tilleuls, bât. B, appt 21, 18 rue de la Paix, 59140 Dunkerque
fr | comment | case 14, lotissement Kawéni Village, 97600 Mamoudzou
fr | comment | 5 chemin de la Digue, 97320 Saint-Laurent-du-Maroni
fr | notes | Adresse déclarée : 41 rue Nationale, 06500 Menton
fr | comment | chez le logeur, 9 rue du Maréchal-Foch, 14150 Ouistreham
fr | comment | 2 allée des Peupliers 76600 Le Havre
fr | comment | domicile à Port-au-Prince, rue Capois n° 36
fr | comment | sous-location au 15 avenue de la République, 93300 Aubervilliers
es | comment | Calle Mayor 15, 3.º B, 28013 Madrid
es | comment | piso en C/ San Francisco, 22, 04001 Almería
es | comment | Avenida Juárez 1450, Col. Centro, 32000 Ciudad Juárez, Chih.
es | comment | casa de seguridad en la Carrera 7 # 45-12, Bogotá
es | comment | Calle 10 # 5-20, apto 301, Necoclí
es | comment | Av. Arequipa 2450, Lince, Lima 15046
es | comment | Barrio El Porvenir, 2.ª calle, casa 23, Tecún Umán
es | comment | Calle 3.ª Poniente n.º 12, Tapachula, Chis. 30700
es | comment | domicilio: C/ Ramón y Cajal 8, bajo, 35100 Maspalomas
es | comment | Avda. de los Reyes Católicos 34, 51001 Ceuta
es | comment | Pasaje Los Álamos 1180, Estación Central, Santiago
es | comment | vivía en la calle Simón Bolívar 402, Quito
es | notes | Residencial Los Pinos, bloque 3, casa 17, San Pedro Sula
""",
}

# ---------------------------------------------------------------------------------------------
# Ordinary texts: nothing here names, identifies or locates a person. Many are traps on purpose:
# places, ships and units named after people, honorifics inside place names, role words
# without a name, dates of events, numbers shaped like phones or documents.
# ---------------------------------------------------------------------------------------------
ORDINARY: dict[str, str] = {
    "place": """
xx | detection_place | Cox's Bazar
xx | detection_place | Teknaf
xx | detection_place | Pulau Rote
en | detection_place | Ashmore Reef, 320 km off the Kimberley coast
en | detection_place | Christmas Island
xx | detection_place | Lhokseumawe, Aceh
en | detection_place | Lord Howe Island
en | detection_place | Lady Elliot Island
en | detection_place | Prince of Wales Island, Torres Strait
en | detection_place | Saibai Island
xx | detection_place | General Santos City
xx | detection_place | Lapu-Lapu City, Cebu
en | detection_place | RSUD Dr. Soetomo hospital, Surabaya
xx | detection_place | Kota Kinabalu
xx | detection_place | Port Dickson
xx | detection_place | Darwin, NT
xx | detection_place | Port Hedland
xx | detection_place | Mae Sot
xx | detection_place | Padang Besar
xx | detection_place | Bukit Kayu Hitam
xx | detection_place | Sungai Kolok
en | detection_place | Torkham border crossing
xx | detection_place | Taftan
xx | detection_place | Islam Qala
xx | detection_place | Benapole
xx | detection_place | Kakarbhitta
xx | detection_place | Tanjung Pinang, Kepulauan Riau
en | detection_place | Kutupalong refugee camp
fr | detection_place | Saint-Georges-de-l'Oyapock
fr | detection_place | Mamoudzou (Mayotte)
fr | detection_place | plage de Sangatte
fr | detection_place | Grande-Synthe, campement du Puythouck
fr | detection_place | col de Montgenèvre
fr | detection_place | Menton, pont Saint-Ludovic
fr | detection_place | gare de Vintimille
fr | detection_place | Saint-Laurent-du-Maroni
fr | detection_place | plage de Sada, Mayotte
es | detection_place | Ciudad Hidalgo, Chiapas
es | detection_place | Tecún Umán
es | detection_place | Necoclí (Antioquia)
es | detection_place | Capurganá
es | detection_place | La Restinga, El Hierro
es | detection_place | Arguineguín, Gran Canaria
es | detection_place | frontera del Tarajal, Ceuta
es | detection_place | Don Benito (Badajoz)
es | detection_place | Doña Mencía, Córdoba
es | detection_place | Paso Canoas
es | detection_place | Santa Elena de Uairén
es | detection_place | Ciudad Juárez
es | detection_place | Bajo Chiquito, Darién
fr | detection_place | aire de service de Saint-Hilaire-Cottes, A26
fr | detection_place | quartier Kawéni, Mamoudzou
fr | detection_place | îlot Mtsamboro
fr | detection_place | plage de Wimereux
fr | detection_place | gare routière de Cayenne
en | detection_place | Sir Charles Gairdner Hospital, Perth
en | comment | detained at Villawood Immigration Detention Centre
es | comment | los heridos llegaron al Hospital Universitario Doctor Negrín
""",
    "airport": """
en | detection_place | Soekarno-Hatta International Airport, Terminal 3
xx | detection_place | Bandara Ngurah Rai
en | detection_place | Sultan Iskandar Muda International Airport, Banda Aceh
xx | detection_place | Bandara El Tari, Kupang
xx | detection_place | Bandara Frans Seda, Maumere
xx | detection_place | Bandara H. Hasan Aroeboesman, Ende
en | detection_place | Ninoy Aquino International Airport (NAIA) Terminal 1
en | detection_place | Francisco Bangoy International Airport, Davao
en | detection_place | Hamid Karzai International Airport
en | detection_place | Imam Khomeini International Airport (IKA)
en | detection_place | Allama Iqbal International Airport, Lahore
en | detection_place | Jinnah International Airport, Karachi
en | detection_place | Bacha Khan International Airport, Peshawar
en | detection_place | Hazrat Shahjalal International Airport, Dhaka
en | detection_place | Mattala Rajapaksa International Airport
en | detection_place | Bandaranaike International Airport, Katunayake
en | detection_place | Gautam Buddha International Airport, Bhairahawa
en | detection_place | Don Mueang International Airport (DMK)
en | detection_place | Sydney Kingsford Smith Airport
fr | detection_place | aéroport Toussaint-Louverture, Port-au-Prince
fr | detection_place | aéroport Félix-Éboué de Cayenne
fr | detection_place | aéroport Roland-Garros, La Réunion
fr | detection_place | aéroport Martinique Aimé-Césaire
fr | detection_place | Roissy-Charles-de-Gaulle, terminal 2E
fr | detection_place | aéroport Marseille-Provence
es | detection_place | Aeropuerto Adolfo Suárez Madrid-Barajas, T4
es | detection_place | Aeropuerto Internacional Juan Santamaría
es | detection_place | Aeropuerto Internacional Monseñor Óscar Arnulfo Romero
es | detection_place | Aeropuerto Internacional Ministro Pistarini (Ezeiza)
es | detection_place | Aeropuerto Internacional Mariscal Sucre, Quito
es | detection_place | Aeropuerto Internacional Ramón Villeda Morales
es | detection_place | Aeropuerto José María Córdova, Rionegro
es | detection_place | Aeropuerto Internacional Arturo Merino Benítez
es | detection_place | Aeropuerto Internacional Benito Juárez, CDMX
""",
    "port": """
xx | detection_place | Pelabuhan Tanjung Priok
en | detection_place | Benoa harbour, Bali
xx | detection_place | Pelabuhan Sri Bintan Pura, Tanjung Pinang
en | detection_place | Port Klang, Westport terminal
en | detection_place | Pangkalan Sultan Abdul Halim ferry terminal, Butterworth
en | detection_place | Merak–Bakauheni ferry crossing
en | detection_place | Don Sak pier, Surat Thani
en | detection_place | Port of General Santos (Makar Wharf)
en | detection_place | Shah Porir Dwip jetty, Teknaf
en | detection_place | Kawthaung jetty
en | detection_place | Port of Colombo, Jaya Container Terminal
en | detection_place | Negombo lagoon fishing harbour
fr | detection_place | port de Calais, quai Paul-Devot
fr | detection_place | port de Ouistreham
fr | detection_place | port de Dzaoudzi, barge de Petite-Terre
fr | detection_place | port de Dégrad-des-Cannes
es | detection_place | puerto de Algeciras, muelle Isla Verde
es | detection_place | puerto de Motril
es | detection_place | puerto de Los Cristianos, Tenerife
es | detection_place | puerto de Lázaro Cárdenas, Michoacán
es | detection_place | Puerto Quetzal
es | detection_place | muelle de Turbo, Antioquia
es | detection_place | puerto de Almería, muelle de Ribera
""",
    "street": """
xx | detection_place | Jl. Jenderal Ahmad Yani, Surabaya
xx | detection_place | Jalan Tun Razak, Kuala Lumpur
xx | detection_place | Jalan Tuanku Abdul Rahman
xx | detection_place | Jl. Diponegoro, Kupang
en | detection_place | checkpoint on Jalan Hayam Wuruk
en | detection_place | Rizal Avenue, Manila
en | detection_place | Roxas Boulevard, Pasay
en | detection_place | Shahrah-e-Faisal, Karachi
en | detection_place | M.A. Jinnah Road, Quetta
en | detection_place | Sheikh Mujib Road, Chattogram
en | detection_place | R.A. De Mel Mawatha, Colombo
en | detection_place | Nguyen Hue walking street, District 1
en | detection_place | Ratchadamnoen Avenue, Bangkok
en | detection_place | Sukhumvit Soi 11
fr | detection_place | avenue du Général-de-Gaulle, Calais
fr | detection_place | boulevard Jean-Jaurès
fr | detection_place | rue de l'Abbé-Grégoire
fr | detection_place | place du Maréchal-Foch, Menton
fr | detection_place | quai Paul-Doumer
fr | detection_place | rue Victor-Hugo, Roubaix
fr | detection_place | rond-point Victor-Hugo, Coquelles
es | detection_place | avenida Benito Juárez, Tapachula
es | detection_place | calle Doctor Fleming
es | detection_place | avenida Simón Bolívar, Cúcuta
es | detection_place | paseo marítimo Alfonso XIII, Melilla
es | detection_place | calle Hermanos Serdán
es | detection_place | carretera Panamericana a la altura de Paso Canoas
""",
    "vessel": """
en | conveyance | KM Siti Nurbaya (passenger ferry)
xx | conveyance | KM Sinar Harapan 03
xx | conveyance | KM Bintang Timur
en | comment | Wooden fishing boat "Dewi Sri", unregistered
en | comment | intercepted by KRI John Lie (358) north of Rote
en | comment | KRI Bung Tomo towed the vessel to Kupang
en | comment | ADV Ocean Shield recovered 12 survivors
en | comment | ABFC Cape Nelson intercepted the vessel at dawn
en | comment | BRP Teresa Magbanua (MRRV-9701) escorted the boat to port
en | comment | BRP Gabriela Silang conducted the boarding
en | comment | MV Ocean Lady, a cargo ship carrying 76 Tamil migrants
en | comment | the MV Sun Sea case files were consulted for comparison
en | comment | fast craft MV Lady of Mediatrix carried 40 undocumented passengers
en | conveyance | Rohingya trawler, no name, no flag
en | comment | MMEA patrol vessel KM Bagan Datuk shadowed the boat
en | comment | Thai trawler Sor Chaiyaporn 9 transferred the passengers at sea
fr | comment | Le navire Louise Michel a débarqué 33 personnes.
fr | comment | patrouilleur Jean-François Deniau en mission dans la Manche
fr | comment | la vedette SNSM Notre-Dame du Risban est intervenue
fr | comment | kwassa-kwassa de 8 m, deux moteurs de 40 CV
fr | comment | le remorqueur Abeille Normandie a pris le canot en remorque
fr | comment | vedette des douanes DF 42 engagée au large de Dunkerque
es | comment | la Guardamar Concepción Arenal rescató a 58 personas
es | comment | la Salvamar Alnitak trasladó a los ocupantes al muelle
es | comment | cayuco de madera de 18 metros con 152 ocupantes
es | comment | pesquero «Nuestra Señora del Carmen» abordado por la Guardia Civil
es | comment | lancha «Virgen de Guadalupe II» con motor fuera de borda
es | comment | el remolcador Luz de Mar escoltó la neumática
es | comment | el pesquero «Don Ramón II» fue abordado a 40 millas al sur de El Hierro
fr | comment | l'aviso Commandant Blaison a recueilli 40 naufragés
es | comment | la fragata ARC Almirante Padilla interceptó la lancha
es | comment | patrullera de la Guardia Civil «Duque de Ahumada»
""",
    "vehicle": """
en | conveyance | white Toyota HiAce minibus
en | comment | refrigerated truck with Polish plates
en | conveyance | Isuzu Elf light truck
en | comment | the driver of a silver Toyota Avanza fled on foot
en | conveyance | Hino 500 tipper truck
fr | conveyance | camion frigorifique semi-remorque
fr | comment | fourgon Renault Master loué à Lille
fr | conveyance | Peugeot Partner
es | conveyance | tráiler con caja seca
es | comment | camioneta Nissan Frontier doble cabina
es | conveyance | autobús de línea Tapachula–CDMX
es | conveyance | furgoneta Mercedes Sprinter
""",
    "agency": """
en | reporting_agency | Australian Border Force – Maritime Border Command
en | reporting_agency | Australian Federal Police, Human Trafficking and People Smuggling team
xx | reporting_agency | Direktorat Jenderal Imigrasi
xx | reporting_agency | Badan Keamanan Laut (Bakamla RI)
xx | reporting_agency | Ditreskrimum Polda NTT
xx | reporting_agency | Satreskrim Polres Rote Ndao
xx | reporting_agency | Bareskrim Polri
xx | reporting_agency | Agensi Penguatkuasaan Maritim Malaysia (APMM)
xx | reporting_agency | Jabatan Imigresen Malaysia
en | reporting_agency | Royal Malaysia Police, D3 (ATIPSOM)
en | reporting_agency | Royal Thai Police, Immigration Bureau Division 6
en | reporting_agency | Sri Lanka Navy, Eastern Naval Command
en | reporting_agency | Federal Investigation Agency, Anti Human Trafficking Circle Quetta
en | reporting_agency | Border Guard Bangladesh, Teknaf Battalion
en | reporting_agency | Bangladesh Coast Guard East Zone
en | reporting_agency | Nepal Police, Anti-Human Trafficking Bureau
en | reporting_agency | Bureau of Immigration – Travel Control and Enforcement Unit
en | reporting_agency | New Zealand Customs Service
en | reporting_agency | Immigration New Zealand – Compliance and Investigations
en | reporting_agency | Department of Immigration and Emigration, Colombo
en | reporting_agency | Viet Nam Border Guard, Quang Ninh
fr | reporting_agency | Direction nationale de la police aux frontières (DNPAF)
fr | reporting_agency | OCRIEST
fr | reporting_agency | DIPAF Pas-de-Calais, BMR de Coquelles
fr | reporting_agency | Gendarmerie maritime de la Manche
fr | reporting_agency | Parquet de Boulogne-sur-Mer
fr | reporting_agency | JIRS de Lille
fr | reporting_agency | Préfecture de Mayotte, service de lutte contre l'immigration clandestine
fr | comment | victimes orientées vers le Centre Primo Levi
es | reporting_agency | Guardia Civil – Servicio Marítimo Provincial de Almería
es | reporting_agency | Policía Nacional, UCRIF Central
es | reporting_agency | Fiscalía de Extranjería de Las Palmas
es | reporting_agency | Instituto Nacional de Migración, Oficina de Representación en Chiapas
es | reporting_agency | Migración Colombia, Regional Antioquia-Chocó
es | reporting_agency | SENAFRONT (Panamá)
es | reporting_agency | Dirección General de Migración y Extranjería, Costa Rica
es | reporting_agency | Policía de Investigaciones de Chile (PDI)
es | comment | migrantes derivados a la Casa del Migrante Scalabrini
es | comment | los detenidos fueron trasladados a la Estación Migratoria Siglo XXI
es | comment | formación impartida en la Escuela de Cadetes de Policía General Santander
fr | reporting_agency | Police aux frontières de Mayotte, brigade nautique
fr | reporting_agency | Douane française, DNRED
fr | reporting_agency | Gendarmerie nationale, section de recherches de Cayenne
es | reporting_agency | Armada de Colombia, Guardacostas del Urabá
""",
    "operation": """
en | comment | Operation Sovereign Borders
en | comment | intercepted during Operation Resolute patrols
en | comment | Operation Sophia (EUNAVFOR MED)
xx | comment | Operasi Patuh Jaya 2024
en | comment | Operation codename "Blue Marlin" dismantled a recruitment cell in Johor
fr | comment | opération Wuambushu, Mayotte
fr | comment | dispositif Harpie, Guyane
fr | comment | opération « Némésis » menée par l'OCRIEST
es | comment | Operación Indalo 2024 (Frontex)
es | comment | operación «Santa Bárbara» contra una red de cayucos
es | comment | Operación Minerva en el puerto de Algeciras
""",
    "role": """
en | comment | The driver fled on foot before police arrived.
en | comment | Skipper and two crew members (Indonesian, 18-24) arrested.
en | comment | The organiser is believed to operate from Kupang.
en | comment | A recruiter in Dhaka sold the trip as a job offer in Malaysia.
en | comment | hawala agent in Quetta received the fees
en | comment | The cook, a minor, was released to a shelter.
en | narrative.text | Boat captains are usually fishermen from Rote Island paid per trip.
en | comment | Captain of the Port (Syahbandar) Benoa notified
en | comment | The Thai driver and the Malaysian lookout were charged under ATIPSOM.
en | comment | Driver: unknown. Vehicle abandoned.
en | comment | Skipper: Indonesian national, 35-44
en | comment | suspect remanded in custody; trial set for March
fr | comment | Le passeur a pris la fuite à l'arrivée des gendarmes.
fr | comment | Le chauffeur, de nationalité roumaine, a été placé en garde à vue.
fr | comment | passeur présumé : ressortissant irakien, 25-34 ans
fr | comment | Pilote du kwassa non identifié
fr | comment | deux convoyeurs interpellés, l'organisateur reste recherché
fr | narrative.text | Les passeurs kurdes contrôlent l'accès aux plages entre Gravelines et Dunkerque.
fr | comment | Le logeur hébergeait jusqu'à vingt personnes dans un pavillon.
es | comment | El patrón de la neumática fue detenido al llegar al puerto.
es | comment | Patrón: senegalés, mayor de edad
es | comment | El coyote abandonó al grupo en el desierto de Altar.
es | comment | Los lancheros cobraban 300 dólares por tramo.
es | comment | Se detuvo al conductor y al copiloto del tráiler.
es | comment | La captadora operaba a través de grupos de WhatsApp.
es | comment | Guía (pollero) no identificado.
es | narrative.text | Los guías cruzan a los grupos por la selva del Darién en cinco a siete días.
fr | comment | Le conducteur du poids lourd ignorait la présence des migrants selon ses déclarations.
fr | comment | Les capitaines des kwassas sont souvent mineurs.
fr | comment | Le rabatteur a été vu sur le campement sans pouvoir être identifié.
es | comment | el armador no ha sido identificado
""",
    "route": """
xx | route | AFG > IRN > TUR
xx | route | BGD > MMR > THA > MYS
xx | route | LKA → AUS
xx | route | MMR>BGD>IDN
xx | route | IRQ > MYS > IDN > AUS
en | comment | Cox's Bazar – Andaman Sea – Aceh
en | comment | Kupang → Rote → Ashmore Reef
en | comment | Quetta–Taftan–Zahedan–Tehran
en | comment | Kathmandu via Delhi to Kuala Lumpur
en | route | Viet Nam > China > Russian Federation
en | route | Nepal > India > United Arab Emirates
en | comment | Kabul > Islamabad > Jakarta (by air)
fr | route | Afghanistan > Iran > Turquie > France
fr | comment | Anjouan → Mayotte
fr | comment | Dunkerque → Douvres
fr | route | Haïti > Guyane française
es | route | Colombia > Panamá > Costa Rica > Nicaragua
es | comment | Necoclí – Capurganá – Darién – Bajo Chiquito
es | comment | Dakar → Canarias
es | route | Ecuador > Colombia > Panamá > México > EE. UU.
es | comment | Tapachula – Arriaga – Ciudad de México
xx | route | SOM > ETH > SDN
""",
    "reference": """
xx | incident_ref | INC-2024-0412
xx | incident_ref | AFP-PS-2023-118
xx | incident_ref | LP/A/57/III/2024/SPKT.DITPOLAIRUD
xx | incident_ref | LP/B/123/VII/2024/NTT/SPKT
xx | incident_ref | BKL/NTT/VII/2024/09
xx | incident_ref | FIR 118/2024 PS FIA Quetta
xx | incident_ref | GD No. 452/24
xx | incident_ref | PAF/62/2024/00731
xx | incident_ref | RG 24/01234
xx | incident_ref | PV 2024/001234
xx | incident_ref | DP 567/2024
xx | incident_ref | Atestado 2024-003451
xx | incident_ref | UCRIF-ALM-24/118
xx | incident_ref | INM/CHIS/2024/0087
xx | incident_ref | MC-ANT-2024-311
xx | incident_ref | CR-24-00817
xx | incident_ref | 2024/IM/0451
xx | incident_ref | SIEV 2013/221
xx | incident_ref | Case 24-0917
xx | incident_ref | P-2024-0078
xx | incident_ref | A2024/0031
xx | incident_ref | MY-ATIPSOM-2024-15
xx | incident_ref | BGB/TKF/2024/112
xx | incident_ref | NP-AHTB-081/82-0045
xx | incident_ref | PCG-SWM-24-0193
xx | incident_ref | THA-IMM6-67/0211
xx | incident_ref | 2024-Q2-007
xx | incident_ref | K-12/2024
xx | incident_ref | NZCS 2024 000318
xx | incident_ref | 24/00913/IM
xx | incident_ref | EXP. 1189/2024
fr | comment | procédure n° 2024/031245 transmise au parquet
""",
    "date": """
xx | comment | 2024-03-14
en | comment | Intercepted on 14/03/2024 at 02:10 local time.
en | comment | landed on 5 May 2024 at Pidie beach
en | comment | Boat left Teknaf on 21 December 2023 and reached Aceh on 27 December.
en | narrative.text | Between 1 and 15 June 2024, four boats were turned back.
en | comment | Sentenced on 2 February 2024 to five years' imprisonment.
en | comment | detected in the early hours of 1 January 2024
fr | comment | interception le 14 juillet 2024 vers 4 h 30
fr | comment | Arrivée le 3 mars 2024 à Mamoudzou.
fr | comment | faits commis entre le 01/02/2024 et le 15/04/2024
es | comment | El 5 de mayo de 2024 se interceptó una neumática con 47 personas.
es | comment | llegada a La Restinga el 12/10/2023
es | comment | fecha de los hechos: 03-04-2024
es | comment | Juicio oral fijado para el 15 de julio de 2025.
xx | comment | 14.03.2024
fr | comment | dans la nuit du 2 au 3 novembre 2023
fr | comment | tentatives de traversée recensées de janvier à juin 2024
""",
    "time": """
en | comment | at 0340 hrs
en | comment | sighted at 23:15 (UTC+8)
fr | comment | vers 04h30, heure locale
fr | comment | débarquement à 5 h 45
es | comment | a las 03:15 horas
es | comment | avistamiento a las 22.40 h
xx | comment | 02:10–04:55
en | comment | surveillance from 2200 to 0600
""",
    "coordinates": """
xx | detection_place | 08°12'S 123°45'E
xx | detection_place | -10.4321, 123.5678
en | comment | 12 NM north-west of Pulau Rote
en | detection_place | 5°33'N 95°19'E, off Banda Aceh
fr | comment | position 51°02,4'N 001°49,7'E
es | comment | posición 27° 38' N, 18° 01' W, al sur de El Hierro
es | detection_place | 8.6750, -77.3583 (Capurganá)
xx | detection_place | 12°46′S 45°14′E
""",
    "flight": """
en | comment | arrived on flight QZ 7510 from Kuala Lumpur
en | comment | boarded EK 432 to Brisbane
en | conveyance | commercial flight TK 1821
en | comment | transit via Doha on QR 960
fr | comment | arrivés par le vol AF 0947 en provenance de Cayenne
fr | comment | vol TX 542 Pointe-à-Pitre–Paris
es | comment | vuelo CM 471 Panamá–Cancún
es | comment | llegaron en el vuelo AV 204 Bogotá–Madrid
xx | comment | GA 404 CGK-DPS
""",
    "registration": """
en | comment | vessel MMSI 525012345
en | comment | IMO 9184744
en | comment | call sign YDA4321
xx | conveyance | GT.29 No.1234/Ka
en | comment | container MSKU 123456-5 inspected at Tanjung Priok
fr | comment | conteneur TGHU 876543-2 inspecté à Dunkerque
es | comment | matrícula 3ª-CA-4-1-05
es | comment | número IMO 9354612
en | comment | bill of lading MAEU 240567891
fr | comment | bateau de pêche immatriculé BL 924523
xx | comment | MMSI 533 123 456
""",
    "legal": """
en | comment | Charged under s 233C of the Migration Act 1958 (Cth)
en | comment | Law No. 6 of 2011 on Immigration, Article 120
en | comment | ATIPSOM Act 2007, section 26A
en | comment | Prevention of Smuggling of Migrants Act 2018 (Pakistan), s. 3
en | comment | Overseas Employment and Migrants Act 2013, s. 31
en | comment | Article 3 of the Smuggling of Migrants Protocol
en | comment | Crimes Act 1961 (NZ) s 98C
en | comment | Immigration Act 1959/63, s. 56(1)(d)
en | comment | Republic Act No. 11862 (Expanded Anti-Trafficking in Persons Act of 2022)
fr | comment | article L. 823-1 du CESEDA
fr | comment | art. L. 823-3 CESEDA, circonstance aggravante de bande organisée
fr | comment | jugement du tribunal correctionnel de Boulogne-sur-Mer, 3e chambre
es | comment | artículo 318 bis del Código Penal
es | comment | Ley Orgánica 4/2000, artículo 54.1.b
es | comment | art. 159 de la Ley de Migración (México)
es | comment | artículo 188 del Código Penal colombiano
fr | comment | loi n° 2024-42 du 26 janvier 2024 pour contrôler l'immigration
fr | comment | ordonnance de placement en rétention du 12 mars 2024
""",
    "code": """
xx | conveyance | fishing_vessel
xx | conveyance | small_boat
xx | conveyance | truck_lorry
xx | conveyance | car_van
xx | conveyance | on_foot
xx | conveyance | commercial_flight
xx | transport_mode | sea
fr | transport_mode | Maritime
es | transport_mode | Terrestre
xx | concealment | vehicle_compartment
xx | concealment | hidden_on_vessel
xx | payment_method | hawala
xx | payment_method | mobile_money
es | payment_method | Efectivo
xx | role | boat_captain_crew
xx | role | transporter_driver
xx | role | recruiter_intermediary
fr | role | Capitaine ou membre d'équipage
es | role | Transportista o conductor
xx | related_offences | trafficking_in_persons; document_fraud
xx | technology | social_media|messaging_app
xx | aggravating | danger_to_life; minors_involved
xx | sex | M
xx | sex | F
xx | obs_status | Q
fr | conveyance | Navire de pêche
es | unaccompanied | sí
""",
    "count": """
xx | value | 14
xx | value | 0
xx | value | 1990
xx | value | 245
xx | value | 1 204
xx | migrants_total | 58
en | comment | 143 persons on board, including 61 minors and 9 unaccompanied children
fr | comment | 47 personnes dont 12 femmes et 5 mineurs non accompagnés
es | comment | 52 ocupantes: 38 hombres, 9 mujeres y 5 menores
en | comment | 3 deceased, 11 missing
es | comment | 2 fallecidos y 17 desaparecidos
fr | comment | 6 passeurs interpellés sur 14 identifiés
fr | comment | 112 personnes secourues, 4 décès
es | comment | Se incautaron 14 teléfonos móviles y 3 teléfonos satelitales.
""",
    "period": """
xx | period | 2024-Q2
xx | period | 2023-S1
xx | period | 2024-07
xx | period | 2023
fr | notes | T2 2024
fr | notes | premier semestre 2024
es | notes | primer trimestre de 2024
en | notes | FY 2023-24
en | notes | Q3 2024
es | notes | segundo semestre 2023
en | notes | BE 2567 (2024)
""",
    "age_group": """
xx | age_group | 18-24
xx | age_group | 25-34
en | age_group | under 14
en | age_group | minor
fr | age_group | moins de 18 ans
es | age_group | 60 y más
xx | age_group | 0-4
es | age_group | adulto
xx | age_group | 65+
en | age_group | 35 to 44
fr | age_group | mineur
es | age_group | menos de 14
xx | age_group | 15-17
""",
    "money": """
en | comment | IDR 25,000,000 per person
xx | comment | Rp 15 juta per orang
en | comment | USD 4,500 paid in advance
en | comment | AUD 10,000 per passenger
xx | comment | MYR 2,500
en | comment | THB 15,000 per head
en | comment | PKR 1,500,000 (approx. USD 5,300)
en | comment | BDT 350,000 paid in two instalments
xx | comment | AFN 120,000
en | comment | NPR 800,000 for the whole journey
fr | comment | 3 000 € par personne
fr | comment | 1 500 € la traversée
es | comment | 2.500 euros por plaza en la neumática
es | comment | 6.000 dólares
es | comment | 1.200.000 pesos colombianos
en | comment | USD 12,000 via hawala
fr | comment | 800 € par passager pour la traversée Anjouan–Mayotte
""",
    "number": """
en | comment | Distress call made to 112 from the boat.
fr | comment | appel reçu par le CROSS Gris-Nez au 196
es | comment | El aviso llegó al 112 de Canarias a las 06:20.
en | comment | 2 x 40 HP Yamaha outboard engines
en | comment | 1,200 km travelled in 6 days
es | comment | 4.500 kilómetros recorridos desde Necoclí
fr | comment | 37 km à pied depuis Vintimille
en | comment | camp population of about 600 000
""",
    "comment": """
en | comment | Wooden boat with 26 Afghan and Iranian nationals intercepted north of Ashmore Reef; passengers transferred to Christmas Island.
en | comment | Migrants were held in a safe house in Johor Bahru before crossing to Batam by speedboat.
en | comment | Fees were paid by hawala from Kabul to Jakarta; the transfer slip shows no sender.
en | comment | Group of 14 Nepali workers travelling on tourist visas refused entry at KLIA.
en | comment | Vietnamese nationals transited Bangkok with genuine passports and forged Schengen visas.
en | comment | Passports of all 12 passengers were kept by the organisers.
en | comment | No passport, ID card or phone was found on board.
en | comment | The phone used by the group was seized for analysis.
en | comment | Migrants were told to delete WhatsApp messages before landing.
en | comment | Date of birth unknown for most passengers; age assessed as 25-34.
en | comment | Two unaccompanied minors aged 15-17 referred to IOM Makassar.
en | comment | Address of the safe house not yet established.
en | comment | Email evidence obtained through an MLA request.
en | comment | Names of the crew withheld under national privacy law.
fr | comment | Aucun document d'identité ni téléphone n'a été retrouvé à bord.
fr | comment | Les passeports avaient été confisqués par l'organisateur.
fr | comment | Date de naissance déclarée non vérifiable ; âge estimé entre 15 et 17 ans.
fr | comment | Adresse de l'hébergement en cours de vérification.
fr | comment | Les migrants étaient hébergés dans un hôtel de Roubaix avant le départ.
fr | comment | Kwassa intercepté à 2 milles nautiques de la plage de Sada avec 23 personnes dont 6 mineurs.
es | comment | No se halló pasaporte ni documento de identidad entre los ocupantes.
es | comment | La fecha de nacimiento declarada no coincide con la evaluación de edad.
es | comment | Se desconoce el domicilio de los organizadores.
es | comment | Correo electrónico usado por la red en proceso de identificación.
es | comment | El teléfono satelital Thuraya fue incautado.
es | comment | Los migrantes pagaban el viaje mediante transferencias por Western Union a cuentas de terceros.
es | comment | El grupo cruzó el Darién en seis días guiado por lugareños.
fr | comment | Les migrants ont déclaré avoir payé en espèces à Anjouan.
fr | comment | Traversée organisée via des groupes Facebook en langue kurde.
fr | comment | Le moteur avait été acheté en Allemagne et livré sur le littoral.
fr | comment | Aucune personne n'a souhaité déposer plainte.
fr | comment | Le numéro utilisé par le réseau est en cours d'exploitation.
fr | comment | Les téléphones saisis ont été placés sous scellés.
""",
    "narrative": """
en | narrative.text | Rohingya boat landed at Pidie beach after 21 days at sea; three deaths were reported during the voyage.
en | narrative.text | Recruitment adverts on Facebook offered jobs in Australia for USD 8,000, payable half before departure.
en | narrative.text | A Sri Lankan multi-day trawler was turned back under Operation Sovereign Borders and all 46 people on board were returned to Colombo.
en | narrative.text | Smuggling groups increasingly use Telegram channels to advertise departures from Kupang and Rote, with prices quoted in US dollars.
en | narrative.text | Organisers in Malaysia now split the journey into short legs by land and sea to avoid checkpoints on the east coast.
fr | narrative.text | Canot pneumatique de 9 m parti de la plage de Gravelines avec 62 personnes à bord ; quatre personnes secourues par le CROSS.
fr | narrative.text | Le réseau faisait passer des ressortissants vietnamiens par la Belgique en camion frigorifique.
fr | narrative.text | Passage par le sentier dit « du pas de la mort » au-dessus de Menton, de nuit et sans éclairage.
fr | narrative.text | Arrivée de deux pirogues à Saint-Laurent-du-Maroni en provenance du Suriname.
fr | narrative.text | Les départs de kwassas depuis Anjouan se concentrent sur les nuits sans lune, entre 22 h et 3 h.
es | narrative.text | Neumática con 47 personas interceptada a 12 millas de Lanzarote; dos menores no acompañados.
es | narrative.text | Cayuco procedente de Nuadibú con 168 personas; tres fallecidos durante la travesía.
es | narrative.text | Se desarticuló una red que trasladaba a nacionales cubanos desde Nicaragua hasta la frontera norte.
es | narrative.text | Las redes cobran entre 300 y 500 dólares por el tramo Necoclí–Capurganá y ofrecen paquetes con guía hasta Panamá.
es | narrative.text | Los pagos se fraccionan en pequeñas transferencias a varias cuentas para no superar los umbrales de control.
""",
}


# ---------------------------------------------------------------------------------------------
# Generated identifiers, with the check digits their issuers compute.
# ---------------------------------------------------------------------------------------------
Generator = Callable[[random.Random, str], str]
GENERATORS: dict[str, Generator] = {}


def generator(function: Generator) -> Generator:
    """Registers `function` as the placeholder `{<its name>}` (or `{<its name>:<spec>}`)."""
    GENERATORS[function.__name__] = function
    return function


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


def _birth_date(rng: random.Random, first_year: int = 1970, last_year: int = 2005) -> dt.date:
    start = dt.date(first_year, 1, 1).toordinal()
    end = dt.date(last_year, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
_VERHOEFF_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def _verhoeff_digit(body: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return str(_VERHOEFF_INV[c])


@generator
def nik(rng: random.Random, _: str) -> str:
    """Indonesian NIK: region (6), birth date DDMMYY (+40 on the day for women), serial (4)."""
    region = rng.choice(("530101", "537104", "530310", "110105", "317102", "510302", "217101"))
    born = _birth_date(rng)
    day = born.day + (40 if rng.random() < 0.4 else 0)
    return f"{region}{day:02d}{born:%m%y}{rng.randint(1, 999):04d}"


@generator
def mykad(rng: random.Random, _: str) -> str:
    """Malaysian MyKad: YYMMDD-PB-###G, PB the birth state, G odd for men."""
    born = _birth_date(rng)
    state = rng.choice(("01", "02", "07", "08", "10", "12", "13", "14"))
    return f"{born:%y%m%d}-{state}-{_digits(rng, 4)}"


@generator
def cnic(rng: random.Random, _: str) -> str:
    """Pakistani CNIC: 5-7-1 digits, the first digit the province."""
    return f"{rng.choice('34567')}{_digits(rng, 4)}-{_digits(rng, 7)}-{_digits(rng, 1)}"


@generator
def aadhaar(rng: random.Random, _: str) -> str:
    """Indian Aadhaar: 12 digits, never starting 0 or 1, Verhoeff check digit."""
    body = rng.choice("23456789") + _digits(rng, 10)
    number = body + _verhoeff_digit(body)
    return f"{number[:4]} {number[4:8]} {number[8:]}"


@generator
def cn_id(rng: random.Random, _: str) -> str:
    """PRC resident ID: area (6), birth date (8), sequence (3), ISO 7064 mod 11-2 check."""
    area = rng.choice(("350181", "350128", "350102", "440106", "450802", "530102"))
    body = f"{area}{_birth_date(rng):%Y%m%d}{_digits(rng, 3)}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


@generator
def thai_id(rng: random.Random, _: str) -> str:
    """Thai citizen ID: 13 digits, mod 11 check, printed 1-2345-67890-12-3."""
    body = rng.choice("12345678") + _digits(rng, 11)
    total = sum(int(d) * (13 - i) for i, d in enumerate(body))
    n = body + str((11 - total % 11) % 10)
    return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"


@generator
def ir_code(rng: random.Random, _: str) -> str:
    """Iranian national code: 10 digits, mod 11 check, printed 123-456789-0."""
    body = _digits(rng, 9)
    r = sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
    n = body + str(r if r < 2 else 11 - r)
    return f"{n[:3]}-{n[3:9]}-{n[9]}"


@generator
def nir(rng: random.Random, _: str) -> str:
    """French NIR: sex, YY, MM, place of birth (99 + country for abroad), order, key 97 - n % 97."""
    born = _birth_date(rng)
    place = rng.choice(("99212", "99351", "99406", "59183", "62193", "97611"))
    body = f"{rng.choice('12')}{born:%y%m}{place}{rng.randint(1, 999):03d}"
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:]} {key:02d}"


@generator
def fr_cni(rng: random.Random, _: str) -> str:
    """French identity card (before 2021): YYMM of issue, department (3), serial (5)."""
    return f"{rng.randint(8, 20):02d}{rng.randint(1, 12):02d}{rng.choice(('593', '622', '976', '973'))}{_digits(rng, 5)}"


@generator
def agdref(rng: random.Random, _: str) -> str:
    """French foreign-national number (AGDREF): 10 digits."""
    return rng.choice(("59", "62", "75", "93", "97")) + _digits(rng, 8)


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


@generator
def dni(rng: random.Random, _: str) -> str:
    """Spanish DNI: 8 digits and the mod 23 letter."""
    number = rng.randint(10_000_000, 79_999_999)
    return f"{number}{_DNI_LETTERS[number % 23]}"


@generator
def nie(rng: random.Random, _: str) -> str:
    """Spanish NIE: X/Y/Z, 7 digits, mod 23 letter (X=0, Y=1, Z=2)."""
    prefix = rng.choice("XYZ")
    digits = _digits(rng, 7)
    return f"{prefix}{digits}{_DNI_LETTERS[int(str('XYZ'.index(prefix)) + digits) % 23]}"


_CURP_CHARS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


@generator
def curp(rng: random.Random, _: str) -> str:
    """Mexican CURP: 4 letters, birth date, sex, state, 3 consonants, homoclave, check digit."""
    born = _birth_date(rng)
    consonants = "".join(rng.choice("BCDFGHJKLMNPRSTVZ") for _ in range(3))
    homoclave = rng.choice(string.digits if born.year < 2000 else string.ascii_uppercase)
    body = (
        f"{rng.choice('BCGHLMPRSV')}{rng.choice('AEIOU')}{_letters(rng, 2)}{born:%y%m%d}"
        f"{rng.choice('HM')}{rng.choice(('CS', 'OC', 'GR', 'VZ', 'DF', 'TC'))}{consonants}{homoclave}"
    )
    total = sum(_CURP_CHARS.index(ch) * (18 - i) for i, ch in enumerate(body))
    return body + str((10 - total % 10) % 10)


@generator
def co_cc(rng: random.Random, _: str) -> str:
    """Colombian cédula de ciudadanía, printed with thousands dots."""
    number = rng.choice(
        (rng.randint(1_000_000_000, 1_129_999_999), rng.randint(10_000_000, 98_999_999))
    )
    return f"{number:,}".replace(",", ".")


@generator
def ve_ci(rng: random.Random, _: str) -> str:
    """Venezuelan cédula de identidad: V- and 7 or 8 digits."""
    return "V-" + f"{rng.randint(6_000_000, 32_999_999):,}".replace(",", ".")


@generator
def rut(rng: random.Random, _: str) -> str:
    """Chilean RUT/RUN: body and mod 11 verifier (K for 10)."""
    body = rng.randint(10_000_000, 27_999_999)
    total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(str(body))))
    dv = 11 - total % 11
    verifier = {11: "0", 10: "K"}.get(dv, str(dv))
    return f"{body:,}".replace(",", ".") + f"-{verifier}"


@generator
def ec_ci(rng: random.Random, _: str) -> str:
    """Ecuadorian cédula: province (01-24), third digit < 6, mod 10 check."""
    body = f"{rng.randint(1, 24):02d}{rng.randint(0, 5)}{_digits(rng, 6)}"
    total = 0
    for i, d in enumerate(body):
        p = int(d) * (2 if i % 2 == 0 else 1)
        total += p - 9 if p > 9 else p
    return body + str((10 - total % 10) % 10)


@generator
def gt_dpi(rng: random.Random, _: str) -> str:
    """Guatemalan DPI (CUI): 9 digits, department and municipality, printed 4-5-4."""
    n = f"{_digits(rng, 9)}{rng.randint(1, 22):02d}{rng.randint(1, 17):02d}"
    return f"{n[:4]} {n[4:9]} {n[9:]}"


@generator
def hn_dni(rng: random.Random, _: str) -> str:
    """Honduran identity number: municipality, year of birth, serial."""
    return (
        f"{rng.choice(('0801', '0501', '0101', '1804'))}-{_birth_date(rng).year}-{_digits(rng, 5)}"
    )


@generator
def do_ced(rng: random.Random, _: str) -> str:
    """Dominican cédula: municipality (3), 7 digits, Luhn check."""
    body = rng.choice(("001", "031", "402", "223")) + _digits(rng, 7)
    return f"{body[:3]}-{body[3:]}-{_luhn_digit(body)}"


@generator
def pe_dni(rng: random.Random, _: str) -> str:
    """Peruvian DNI: 8 digits."""
    return str(rng.randint(10_000_000, 79_999_999))


@generator
def ht_nif(rng: random.Random, _: str) -> str:
    """Haitian tax identification number (NIF), printed 000-000-000-0."""
    n = _digits(rng, 10)
    return f"{n[:3]}-{n[3:6]}-{n[6:9]}-{n[9]}"


@generator
def psn(rng: random.Random, _: str) -> str:
    """Philippine PhilSys number: 16 digits in groups of 4."""
    n = rng.choice("123456789") + _digits(rng, 15)
    return "-".join(n[i : i + 4] for i in range(0, 16, 4))


@generator
def tazkira(rng: random.Random, _: str) -> str:
    """Afghan electronic tazkira: solar year of issue, 4 digits, 5 digits."""
    return f"{rng.randint(1396, 1402)}-{_digits(rng, 4)}-{_digits(rng, 5)}"


@generator
def mm_nrc(rng: random.Random, _: str) -> str:
    """Myanmar National Registration Card: state/township(N)number."""
    township = rng.choice(("MaYaKa", "KaMaYa", "DaGaYa", "OuKaMa", "PaBaTa", "SaKhaNa"))
    return f"{rng.randint(1, 14)}/{township}(N){_digits(rng, 6)}"


@generator
def vn_cccd(rng: random.Random, _: str) -> str:
    """Vietnamese citizen identity card: province (3), sex/century (1), YY, 6 digits."""
    born = _birth_date(rng)
    century = (0 if born.year < 2000 else 2) + rng.randint(0, 1)
    return f"{rng.choice(('001', '031', '038', '040', '042', '079'))}{century}{born:%y}{_digits(rng, 6)}"


@generator
def lk_nic_old(rng: random.Random, _: str) -> str:
    """Sri Lankan NIC (old): YY, day of year (+500 for women), serial, check, V."""
    born = _birth_date(rng, 1960, 1999)
    day = born.timetuple().tm_yday + (500 if rng.random() < 0.4 else 0)
    return f"{born:%y}{day:03d}{_digits(rng, 4)}V"


@generator
def unhcr(rng: random.Random, _: str) -> str:
    """UNHCR individual registration number: office, year, C, serial."""
    return f"{rng.choice(('354', '146', '158'))}-{rng.randint(12, 24):02d}C{_digits(rng, 5)}"


@generator
def tfn(rng: random.Random, _: str) -> str:
    """Australian tax file number: 9 digits whose weighted sum is a multiple of 11."""
    weights = (1, 4, 3, 7, 5, 8, 6, 9, 10)
    while True:
        n = rng.choice("123456789") + _digits(rng, 8)
        if sum(int(d) * w for d, w in zip(n, weights, strict=True)) % 11 == 0:
            return f"{n[:3]} {n[3:6]} {n[6:]}"


# Passport numbers by issuing state: fixed prefix, random letters, random digits.
PASSPORT_SHAPES: dict[str, tuple[str, int, int]] = {
    "af": ("P", 0, 8),
    "pk": ("", 2, 7),
    "ir": ("", 1, 8),
    "bd": ("", 2, 7),
    "in": ("", 1, 7),
    "id": ("", 1, 7),
    "cn": ("E", 0, 8),
    "lk": ("N", 0, 7),
    "au": ("P", 1, 7),
    "my": ("A", 0, 8),
    "th": ("", 2, 7),
    "iq": ("A", 0, 8),
    "vn": ("C", 0, 7),
    "km": ("", 1, 7),
    "ht": ("R", 1, 7),
    "sd": ("P", 0, 8),
    "es": ("", 3, 6),
    "co": ("A", 1, 6),
    "mx": ("G", 0, 8),
    "ve": ("", 0, 9),
    "ec": ("A", 0, 7),
    "er": ("P", 0, 7),
    "np": ("PA", 0, 7),
    "cu": ("K", 0, 6),
    "gt": ("", 0, 9),
    "ph": ("P", 0, 7),
}


def passport_number(rng: random.Random, country: str) -> str:
    if country == "fr":  # 2 digits, 2 letters, 5 digits
        return f"{_digits(rng, 2)}{_letters(rng, 2)}{_digits(rng, 5)}"
    prefix, n_letters, n_digits = PASSPORT_SHAPES[country]
    number = f"{prefix}{_letters(rng, n_letters)}{_digits(rng, n_digits)}"
    return number + _letters(rng, 1) if country == "ph" else number


# ICAO 9303 machine readable zones.
_ICAO_PASSPORT = {
    "AFG": "af", "IRN": "ir", "PAK": "pk", "BGD": "bd", "LKA": "lk", "IRQ": "iq", "VNM": "vn",
    "NPL": "np", "CHN": "cn", "COL": "co", "ERI": "er", "IDN": "id", "SDN": "sd", "PHL": "ph",
    "HTI": "ht", "COM": "km", "GTM": "gt", "MYS": "my", "THA": "th", "ECU": "ec", "MEX": "mx",
}  # fmt: skip


def _mrz_check(field: str) -> str:
    values = {**{d: int(d) for d in string.digits}, "<": 0}
    values.update({ch: 10 + i for i, ch in enumerate(string.ascii_uppercase)})
    return str(sum(values[ch] * (7, 3, 1)[i % 3] for i, ch in enumerate(field)) % 10)


def _mrz_field(text: str, width: int) -> str:
    return text.upper().replace(" ", "<").replace("-", "<")[:width].ljust(width, "<")


def _mrz_name(surname: str, given: str, width: int) -> str:
    return _mrz_field(f"{surname}<<{given}", width)


def _mrz_doc_number(rng: random.Random, issuer: str) -> str:
    shape = _ICAO_PASSPORT.get(issuer)
    number = passport_number(rng, shape) if shape else _letters(rng, 2) + _digits(rng, 7)
    return _mrz_field(number, 9)


@generator
def mrz(rng: random.Random, spec: str) -> str:
    """`format;[type;]issuer;nationality;SURNAME;GIVEN NAMES;sex;birth date;layout`.

    format: td3 (passport), td2, td1 (identity cards), fra (French card before 2021), visa;
    layout: nl (lines on separate lines), sp (separated by one space), l1/l2 (one line only).
    """
    fmt, *fields = spec.split(";")
    doc_type = fields.pop(0) if fmt in ("td1", "td2") else ""
    issuer, nationality, surname, given, sex, born_iso, layout = fields
    born = dt.date.fromisoformat(born_iso).strftime("%y%m%d")
    expiry = dt.date(rng.randint(2026, 2034), rng.randint(1, 12), rng.randint(1, 28)).strftime(
        "%y%m%d"
    )
    doc = _mrz_doc_number(rng, issuer)
    if fmt == "td3":
        line1 = "P<" + issuer + _mrz_name(surname, given, 39)
        optional = _mrz_field("", 14)
        head = doc + _mrz_check(doc) + nationality + born + _mrz_check(born) + sex
        tail = expiry + _mrz_check(expiry) + optional + _mrz_check(optional)
        line2 = head + tail
        composite = line2[0:10] + line2[13:20] + line2[21:43]
        lines = [line1, line2 + _mrz_check(composite)]
    elif fmt == "visa":
        line1 = "V<" + issuer + _mrz_name(surname, given, 39)
        line2 = (
            doc
            + _mrz_check(doc)
            + nationality
            + born
            + _mrz_check(born)
            + sex
            + expiry
            + _mrz_check(expiry)
            + _mrz_field("", 16)
        )
        lines = [line1, line2]
    elif fmt == "td2":
        line1 = _mrz_field(doc_type, 2) + issuer + _mrz_name(surname, given, 31)
        line2 = (
            doc
            + _mrz_check(doc)
            + nationality
            + born
            + _mrz_check(born)
            + sex
            + expiry
            + _mrz_check(expiry)
            + _mrz_field("", 7)
        )
        composite = line2[0:10] + line2[13:20] + line2[21:35]
        lines = [line1, line2 + _mrz_check(composite)]
    elif fmt == "td1":
        line1 = _mrz_field(doc_type, 2) + issuer + doc + _mrz_check(doc) + _mrz_field("", 15)
        line2 = born + _mrz_check(born) + sex + expiry + _mrz_check(expiry) + nationality
        line2 += _mrz_field("", 11)
        composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
        lines = [line1, line2 + _mrz_check(composite), _mrz_name(surname, given, 30)]
    elif fmt == "fra":
        line1 = (
            "IDFRA" + _mrz_field(surname, 25) + rng.choice(("593", "622", "750")) + _digits(rng, 3)
        )
        card = f"{rng.randint(8, 20):02d}{rng.randint(1, 12):02d}{line1[30:33]}{_digits(rng, 5)}"
        line2 = card + _mrz_check(card) + _mrz_field(given, 14) + born + _mrz_check(born) + sex
        lines = [line1, line2 + _mrz_check(line1 + line2)]
    else:
        raise ValueError(f"unknown MRZ format {fmt!r}")
    if layout == "l1":
        return lines[0]
    if layout == "l2":
        return lines[1]
    return ("\n" if layout == "nl" else " ").join(lines)


GENERATORS.update(
    {f"{c}_pp": (lambda rng, _spec, c=c: passport_number(rng, c)) for c in (*PASSPORT_SHAPES, "fr")}
)
# Only registered names are placeholders: texts may hold braces of their own (`name{at}host`).
PLACEHOLDER = re.compile(r"\{(" + "|".join(GENERATORS) + r")(?::([^{}]*))?\}")


# ---------------------------------------------------------------------------------------------
# Assembly, validation, output.
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    label: str
    kind: str
    language: str
    column: str
    text: str


def _rows(label: str, tables: dict[str, str], rng: random.Random) -> list[Row]:
    def fill(match: re.Match[str]) -> str:
        return GENERATORS[match.group(1)](rng, match.group(2) or "")

    rows = []
    for kind, table in tables.items():
        for line in table.strip().splitlines():
            language, column, text = (part.strip() for part in line.split(" | ", 2))
            rows.append(Row(label, kind, language, column, PLACEHOLDER.sub(fill, text)))
    return rows


def build() -> list[Row]:
    rng = random.Random(SEED)
    rows = _rows("personal", PERSONAL, rng) + _rows("ordinary", ORDINARY, rng)
    problems = validate(rows)
    if problems:
        raise SystemExit("corpus is invalid:\n" + "\n".join(problems))
    return rows


def validate(rows: list[Row]) -> list[str]:
    """What is wrong with the corpus: sets, duplicates, minimum sizes."""
    problems = []
    seen: dict[str, Row] = {}
    for row in rows:
        if not (
            (row.label == "personal" and row.kind in PERSONAL_KINDS)
            or (row.label == "ordinary" and ORDINARY_KIND.fullmatch(row.kind))
        ):
            problems.append(f"bad label/kind: {row}")
        if row.language not in LANGUAGES:
            problems.append(f"bad language: {row}")
        if not row.column or not row.text or PLACEHOLDER.search(row.text):
            problems.append(f"empty or unfilled field: {row}")
        key = row.text.casefold()
        if key in seen:
            problems.append(f"duplicate text: {row.text!r}")
        seen[key] = row
    labels = Counter(row.label for row in rows)
    for label in ("personal", "ordinary"):
        if labels[label] < MIN_ROWS_PER_LABEL:
            problems.append(f"only {labels[label]} {label} rows")
    kinds = Counter(row.kind for row in rows if row.label == "personal")
    for kind in sorted(PERSONAL_KINDS):
        if kinds[kind] < MIN_ROWS_PER_PERSONAL_KIND:
            problems.append(f"only {kinds[kind]} rows of kind {kind}")
    return problems


def render(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows((r.label, r.kind, r.language, r.column, r.text) for r in rows)
    return out.getvalue()


def stats(rows: list[Row]) -> str:
    """A Markdown table of rows per label × kind × language."""
    counts = Counter((r.label, r.kind, r.language) for r in rows)
    languages = ("en", "fr", "es", "xx")
    lines = ["| label | kind | en | fr | es | xx | total |", "|---|---|--:|--:|--:|--:|--:|"]
    for label in ("personal", "ordinary"):
        for kind in sorted({r.kind for r in rows if r.label == label}):
            n = [counts[label, kind, lang] for lang in languages]
            lines.append(f"| {label} | {kind} | " + " | ".join(map(str, n)) + f" | {sum(n)} |")
        n = [
            sum(c for (lb, _, lg), c in counts.items() if (lb, lg) == (label, lang))
            for lang in languages
        ]
        lines.append(f"| **{label}** | **all** | " + " | ".join(map(str, n)) + f" | **{sum(n)}** |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    rows = build()
    if "--stats" in argv:
        print(stats(rows))
        return 0
    text = render(rows)
    if "--check" in argv:
        current = CORPUS.read_text(encoding="utf-8") if CORPUS.exists() else ""
        if current != text:
            print(f"{CORPUS} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    CORPUS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
