/// Invented-person name pools: common names in England, with accented and non-English names so normalisation
/// is exercised. Any resemblance to a real child is impossible to rule out for common names, which is why the
/// synthetic extracts never enter the repository.
enum NameLists {
    static let male = [
        "Oliver", "Jack", "Harry", "Jacob", "Charlie", "Thomas", "George", "Oscar", "James", "William", "Noah", "Alfie",
        "Joshua", "Muhammad", "Leo", "Archie", "Ethan", "Joseph", "Freddie", "Samuel", "Alexander", "Logan", "Daniel",
        "Isaac", "Max", "Mohammed", "Benjamin", "Mason", "Lucas", "Edward", "Harrison", "Jake", "Dylan", "Riley", "Finley",
        "Theo", "Sebastian", "Adam", "Zachary", "Arthur", "Toby", "Jayden", "Luke", "Harley", "Lewis", "Tyler", "Kieran",
        "Callum", "Matthew", "Nathaniel", "Christopher", "Michael", "Jonathan", "Nicholas", "Robert", "Richard", "Anthony",
        "Kai", "Reggie", "Tommy", "Ronnie", "Frankie", "Bobby", "Kacper", "Jakub", "Oluwaseun", "Chidi", "Kwame", "Ayaan",
        "Ibrahim", "Yusuf", "Rayan", "Seán", "Rhys", "Dafydd", "Ciarán", "Mateusz", "Andrei", "Luca", "Jérôme", "Tiago",
    ]
    static let female = [
        "Amelia", "Olivia", "Isla", "Emily", "Poppy", "Ava", "Isabella", "Jessica", "Lily", "Sophie", "Grace", "Sophia",
        "Mia", "Evie", "Ruby", "Ella", "Scarlett", "Isabelle", "Chloe", "Sienna", "Freya", "Phoebe", "Charlotte", "Daisy",
        "Alice", "Florence", "Eva", "Sofia", "Millie", "Lucy", "Elizabeth", "Abigail", "Eleanor", "Rebecca", "Katherine",
        "Victoria", "Samantha", "Madison", "Gabriella", "Stephanie", "Natalie", "Layla", "Holly", "Lola", "Esme", "Molly",
        "Amber", "Paige", "Courtney", "Demi", "Leah", "Megan", "Niamh", "Siobhán", "Zoë", "Chloé", "Renée", "Siân",
        "Aoife", "Zofia", "Zuzanna", "Amina", "Fatima", "Aisha", "Maryam", "Zainab", "Chiamaka", "Adaeze", "Precious",
        "Nevaeh", "Ellie-Mae", "Lacey", "Tia", "Kayla", "Aleksandra", "Ioana", "Hana", "Mei", "Anh",
    ]
    static let surnames = [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
        "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark",
        "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker",
        "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins",
        "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams",
        "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt",
        "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler",
        "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Dixon", "Fletcher", "Stokes", "Whitehouse", "Plant", "Bloor",
        "Salt", "Tunstall", "Bagnall", "Mellor", "Heath", "Goodwin", "O'Brien", "O'Connor", "McDonald", "Smith-Jones",
        "Ahmed", "Akhtar", "Mahmood", "Rahman", "Nowak", "Kowalski", "Wiśniewski", "Lewandowska", "Popescu", "Nguyễn",
        "Okafor", "Adeyemi", "Mensah", "Boateng", "Da Silva", "Müller", "Çelik", "Kaur", "Gill", "Sandhu", "Le Roux",
    ]
}
