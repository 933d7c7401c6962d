// Passwords people choose most (global breach lists and Italian favourites: football teams, names,
// words of affection, keyboard rows). The policy refuses these and these followed by digits or
// symbols ("juventus2024!"): with a 12-character minimum, that is how weak passwords still pass.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 654321 666666 121212 112233
123321 1234 123 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2 zaq12wsx qwerty qwerty123 qwertyuiop qwertyuiop12
qwertyuiop123 qwert qwertz asdfgh asdfghjkl asdfghjkl12 zxcvbnm zxcvbnm123 azerty qazwsx qweasd qweasdzxc
password password1 password12 password123 password1234 password12345 passw0rd p4ssw0rd pass pass1234
passwort motdepasse contraseña contrasena senha parola parolachiave parola123 parolasegreta
letmein welcome welcome1 welcome123 benvenuto benvenuti admin admin123 administrator amministratore
root toor user utente guest ospite test test123 testtest prova prova123 provaprova demo demo123
changeme cambiami cambiapassword iloveyou iloveyou1 loveyou ilovu tiamo tiamo123 tiamotanto tivogliobene
amore amore123 amoremio amoremio1 ciaoamore cuore cuoricino tesoro tesoromio baby babygirl princess
principessa principe angelo angela angioletto dolcezza stella stellina sole luna luce fiore
ciao ciao123 ciaociao ciaobella bella bello buongiorno buonasera grazie prego salve arrivederci
monkey dragon master shadow sunshine football baseball superman batman spiderman pokemon starwars
trustno1 whatever freedom secret secret123 hello hello123 hellokitty charlie michael jessica ashley
daniel thomas jordan hunter killer soccer hockey ranger buster tigger summer winter flower
juventus juve forzajuve forzajuventus juventus1897 finoallafine milan acmilan forzamilan milan1899
inter forzainter interista internazionale napoli forzanapoli sscnapoli napoli1926 roma forzaroma asroma
lazio forzalazio fiorentina forzaviola torino forzatoro genoa sampdoria bologna atalanta bari forzabari
sscbari palermo catania cagliari udinese verona parma lecce salernitana pescara
francesco giuseppe antonio alessandro andrea giovanni marco luca matteo lorenzo davide simone federico
stefano roberto paolo mario luigi fabio massimo riccardo gabriele nicola vincenzo salvatore domenico
pietro michele emanuele filippo tommaso leonardo edoardo mattia christian cristian daniele valerio
maria anna giulia francesca chiara sara laura valentina alessia martina federica elisa silvia paola
giorgia sofia aurora alice ginevra beatrice arianna elena roberta simona monica barbara cristina
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
italia italia1 italiano italiana forzaitalia roma1234 milano napoli1234 torino1234 firenze venezia
bologna1234 palermo1234 genova puglia sicilia sardegna calabria campania toscana lombardia
mamma papa mammaepapa mammamia famiglia figlio figlia fratello sorella nonna nonno bambino bambina
casa casa123 casamia lavoro ufficio comune comune123 comunedibari municipio sportello sportello123
scuola universita studente computer portatile internet telefono cellulare
gatto gattino cane cagnolino micio miciomicio topolino pulcino orsetto coniglio leone tigre
pizza pasta spaghetti lasagna mozzarella nutella gelato cioccolato caffe cappuccino
abc123 abcd1234 abcdef abcdefg abcdefgh abcdefghijkl aaaaaa aaaaaaaaaaaa aa123456 a123456 a1b2c3
a1b2c3d4 qwe123 asd123 zxc123 q1w2e3r4 q1w2e3r4t5y6 1a2b3c4d 0987654321 987654321 147258369 159753
159357 147258 741852963 789456123 123654 123qwe 12qwaszx 1234qwer qwer1234 asdf1234 zxcv1234
michelle jennifer nicole amanda melissa samsung iphone apple google facebook instagram whatsapp
windows microsoft linux ubuntu oracle mysql postgres database
natale pasqua ferragosto estate inverno primavera autunno gennaio febbraio marzo aprile maggio
giugno luglio agosto settembre ottobre novembre dicembre lunedi martedi mercoledi giovedi venerdi
sabato domenica
`
    .split(/\s+/)
    .filter(Boolean),
);
