'use strict';
/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('Users', {
      id: {
        allowNull: false,
        autoIncrement: true,
        primaryKey: true,
        type: Sequelize.INTEGER
      },
      firstName: {
        type: Sequelize.STRING
      },
      email: { type: Sequelize.STRING(100), allowNull: false, unique: true },
      bio: Sequelize.TEXT,
      age: { type: Sequelize.INTEGER, defaultValue: 0 },
      big: { type: Sequelize.BIGINT },
      admin: { type: Sequelize.BOOLEAN, defaultValue: false },
      price: { type: Sequelize.DECIMAL(10, 2) },
      ratio: { type: Sequelize.FLOAT },
      d: { type: Sequelize.DOUBLE },
      born: { type: Sequelize.DATEONLY },
      u: { type: Sequelize.UUID },
      j: { type: Sequelize.JSON },
      st: { type: Sequelize.ENUM('a', 'b') },
      createdAt: {
        allowNull: false,
        type: Sequelize.DATE
      },
      updatedAt: {
        allowNull: false,
        type: Sequelize.DATE
      }
    });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.dropTable('Users');
  }
};
