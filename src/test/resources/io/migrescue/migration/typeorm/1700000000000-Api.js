const { Table, TableColumn, TableIndex, TableForeignKey } = require("typeorm");

module.exports = class Api1700000000000 {
    async up(queryRunner) {
        await queryRunner.createTable(new Table({
            name: "users",
            columns: [
                { name: "id", type: "int", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
                { name: "email", type: "varchar", isUnique: true },
                { name: "age", type: "int", isNullable: true, default: 0 },
            ],
        }), true);
        await queryRunner.createTable(new Table({
            name: "orders",
            columns: [
                { name: "id", type: "int", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
                { name: "userId", type: "int" },
                { name: "total", type: "decimal", precision: 10, scale: 2, default: 0 },
            ],
            indices: [{ columnNames: ["userId", "total"] }],
            foreignKeys: [{ columnNames: ["userId"], referencedTableName: "users", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        }));
        await queryRunner.addColumn("orders", new TableColumn({ name: "note", type: "varchar", length: "200", isNullable: true }));
        await queryRunner.createIndex("orders", new TableIndex({ name: "IDX_orders_note", columnNames: ["note"], isUnique: true }));
        await queryRunner.createForeignKey("orders", new TableForeignKey({ columnNames: ["id"], referencedTableName: "users", referencedColumnNames: ["id"] }));
    }
    async down(queryRunner) {}
}
