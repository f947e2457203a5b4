'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('Orders', {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      userId: { type: Sequelize.INTEGER, references: { model: 'Users', key: 'id' }, onUpdate: 'CASCADE', onDelete: 'SET NULL' },
      total: { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 },
    });
    await queryInterface.addColumn('Users', 'nick', { type: Sequelize.STRING, allowNull: true });
    await queryInterface.addColumn('Users', 'teamId', Sequelize.INTEGER);
    await queryInterface.addIndex('Orders', ['userId', 'total']);
    await queryInterface.addIndex('Orders', ['total'], { name: 'orders_total_named', unique: true });
    await queryInterface.addConstraint('Users', { fields: ['nick'], type: 'unique', name: 'users_nick_uk' });
    await queryInterface.addConstraint('Orders', { fields: ['total'], type: 'unique' });
    await queryInterface.addConstraint('Users', { fields: ['teamId'], type: 'foreign key', references: { table: 'Orders', field: 'id' }, onDelete: 'cascade' });
    await queryInterface.changeColumn('Users', 'nick', { type: Sequelize.STRING(50), allowNull: false, defaultValue: 'x' });
    await queryInterface.renameColumn('Users', 'bio', 'about');
    await queryInterface.removeColumn('Users', 'big');
    await queryInterface.removeIndex('Orders', 'orders_total_named');
    await queryInterface.sequelize.query('SELECT 1');
    await queryInterface.renameTable('Orders', 'Purchases');
  },
  async down() {}
};
